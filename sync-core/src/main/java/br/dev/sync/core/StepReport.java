package br.dev.sync.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one step of a run did.
 *
 * @param received records read from the remote side (pull) or the outbox (push)
 * @param applied records written to the store
 * @param unchanged records already present at the same or a newer version (a repeat, an overlap)
 * @param conflicts pulled records that met a pending local change, whatever the rule decided
 * @param quarantined records kept aside with a reason
 * @param pushed records the remote side accepted (including ones it already had)
 * @param differences for an align step, every difference found (else empty)
 * @param error why the step failed or was refused, else null
 *
 * <p>Immutable and thread-safe.
 */
public record StepReport(
        String step,
        String stream,
        StepStatus status,
        long received,
        long applied,
        long unchanged,
        long conflicts,
        long quarantined,
        long pushed,
        Duration took,
        List<Difference> differences,
        String error) {
    public StepReport {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(took, "took");
        stream = stream == null ? "" : stream;
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    /** Records per second over the step's time, by what it received. */
    public double rate() {
        double seconds = took.toNanos() / 1e9;
        return seconds <= 0 ? 0 : received / seconds;
    }

    public static StepReport notRun(String step, String stream, StepStatus status, String why) {
        return new StepReport(step, stream, status, 0, 0, 0, 0, 0, 0, Duration.ZERO, List.of(), why);
    }
}
