package br.dev.sync.core;

/**
 * What a run tells its listeners as it goes. A closed set: switch over it.
 *
 * <p>All cases are immutable and thread-safe.
 */
public sealed interface SyncEvent {
    String runId();

    record RunStarted(String runId, String plan, String node) implements SyncEvent {}

    record StepStarted(String runId, String step, String stream) implements SyncEvent {}

    /**
     * Progress of a step: {@code done} records so far, {@code total} when the remote side said (else -1), and the
     * rate in records per second. {@code done} never passes {@code total}.
     */
    record Progress(String runId, String step, String stream, long done, long total, double ratePerSecond)
            implements SyncEvent {
        public double fraction() {
            return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
        }
    }

    record RecordQuarantined(String runId, QuarantineEntry entry) implements SyncEvent {}

    /** A pulled change met a pending local change; {@code outcome} says what the stream's rule decided. */
    record ConflictResolved(String runId, String stream, String key, String outcome) implements SyncEvent {}

    record StepFinished(String runId, StepReport report) implements SyncEvent {}

    record RunFinished(String runId, SyncReport report) implements SyncEvent {}
}
