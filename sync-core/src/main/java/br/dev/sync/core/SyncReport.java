package br.dev.sync.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one run of a plan, also kept in the store's run log.
 *
 * <p>Immutable and thread-safe.
 */
public record SyncReport(
        String runId, String plan, String node, Instant started, Instant finished, List<StepReport> steps) {
    public SyncReport {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(node, "node");
        steps = List.copyOf(steps);
    }

    /** True when every step succeeded. */
    public boolean succeeded() {
        return steps.stream().allMatch(s -> s.status() == StepStatus.SUCCEEDED);
    }

    public Duration took() {
        return Duration.between(started, finished);
    }

    public Optional<StepReport> step(String name) {
        return steps.stream().filter(s -> s.step().equals(name)).findFirst();
    }

    public long total(java.util.function.ToLongFunction<StepReport> counter) {
        return steps.stream().mapToLong(counter).sum();
    }

    /** Throws a {@link SyncException} naming every step that did not succeed and why; returns this otherwise. */
    public SyncReport throwIfFailed() {
        List<String> bad = steps.stream()
                .filter(s -> s.status() != StepStatus.SUCCEEDED)
                .map(s -> s.step() + " " + s.status() + (s.error() == null ? "" : ": " + s.error()))
                .toList();
        if (!bad.isEmpty()) {
            throw new SyncException("run " + runId + " of plan '" + plan + "' on node " + node + " did not succeed: "
                    + String.join("; ", bad));
        }
        return this;
    }
}
