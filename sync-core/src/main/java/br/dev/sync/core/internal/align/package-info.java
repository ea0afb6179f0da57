/** How an align step compares and writes. No compatibility promise: see {@link br.dev.sync.core.internal}. */
package br.dev.sync.core.internal.align;
