/** The scheduler's per-plan state and cadences. No compatibility promise: see {@link br.dev.sync.core.internal}. */
package br.dev.sync.core.internal.scheduler;
