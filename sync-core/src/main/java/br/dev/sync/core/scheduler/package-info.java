/**
 * Runs plans on their own: {@link br.dev.sync.core.scheduler.SyncScheduler} starts each plan when its
 * {@link br.dev.sync.core.schedule.Schedule} (or interval) says, runs it at once on request ("force update"), and never
 * runs a plan twice at the same time, also across processes sharing the store. The ERP's automatic sync is
 * {@link br.dev.sync.core.scheduler.SyncScheduler#automatic}.
 */
package br.dev.sync.core.scheduler;
