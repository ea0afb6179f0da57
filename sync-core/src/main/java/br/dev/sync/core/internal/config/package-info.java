/** Reading and cross-checking sync configuration. No compatibility promise: see {@link br.dev.sync.core.internal}. */
package br.dev.sync.core.internal.config;
