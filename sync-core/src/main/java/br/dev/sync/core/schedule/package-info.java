/**
 * When plans run: {@link br.dev.sync.core.schedule.Schedule} answers "when is the next run", with weekdays,
 * establishments, systems, a time zone and quiet hours for heavy plans; {@link br.dev.sync.core.schedule.SyncIntervals}
 * holds automatic sync's separate send and receive intervals.
 */
package br.dev.sync.core.schedule;
