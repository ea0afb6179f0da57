/** Slot arithmetic and wording for schedules. No compatibility promise: see {@link br.dev.sync.core.internal}. */
package br.dev.sync.core.internal.schedule;
