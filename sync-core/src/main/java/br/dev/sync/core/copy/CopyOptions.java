package br.dev.sync.core.copy;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.Plan;
import br.dev.sync.core.Step;
import br.dev.sync.core.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to export: the source node, full or incremental since an earlier copy, and which checkpoints to carry.
 *
 * <h2>Checkpoints</h2>
 * A store cannot list its checkpoints, so a copy carries the ones it is told of: for every copied stream the
 * checkpoint of partition "" in {@link Window#SINCE_CHECKPOINT}, plus those named with {@link
 * Builder#checkpoint(String, String, Window)} or taken from a plan's pull steps with {@link Builder#checkpointsOf}
 * (each pull's partitions in its window). Those the source store does not hold are left out.
 *
 * <p>Immutable and thread-safe.
 */
public final class CopyOptions {
    private final String node;
    private final Path since;
    private final Set<CheckpointScope> checkpoints;
    private final Clock clock;

    /**
     * A checkpoint to carry: stream, partition ("" for all) and window key ("" for since-checkpoint).
     *
     * <p>Immutable and thread-safe.
     */
    public record CheckpointScope(String stream, String partition, String window) {
        public CheckpointScope {
            Objects.requireNonNull(stream, "stream");
            partition = partition == null ? "" : partition;
            window = window == null ? "" : window;
        }
    }

    private CopyOptions(Builder b) {
        this.node = b.node;
        this.since = b.since;
        this.checkpoints = Set.copyOf(b.checkpoints);
        this.clock = b.clock;
    }

    /** A full copy of {@code node}'s store. */
    public static CopyOptions full(String node) {
        return builder(node).build();
    }

    /** A copy of {@code node}'s store carrying only what changed since {@code previousCopy} (a copy file). */
    public static CopyOptions incrementalSince(String node, Path previousCopy) {
        return builder(node).incrementalSince(previousCopy).build();
    }

    /** {@code node}: the source node's id, whose checkpoints the copy carries. */
    public static Builder builder(String node) {
        return new Builder(node);
    }

    public String node() {
        return node;
    }

    /** The earlier copy an incremental copy continues; empty for a full copy. */
    public Optional<Path> since() {
        return Optional.ofNullable(since);
    }

    /** The checkpoints to carry for {@code stream}: always partition "" since-checkpoint, then the named ones. */
    public List<CheckpointScope> checkpointsOf(String stream) {
        Set<CheckpointScope> out = new LinkedHashSet<>();
        out.add(new CheckpointScope(stream, "", ""));
        checkpoints.stream()
                .filter(c -> c.stream().equals(stream))
                .sorted(java.util.Comparator.comparing(CheckpointScope::partition)
                        .thenComparing(CheckpointScope::window))
                .forEach(out::add);
        return List.copyOf(out);
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Collects export options; {@link #build()} checks them all at once.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final String node;
        private Path since;
        private final Set<CheckpointScope> checkpoints = new LinkedHashSet<>();
        private Clock clock = Clock.systemUTC();

        private Builder(String node) {
            this.node = node;
        }

        /** Carry only what changed since {@code previousCopy}, a copy file this node made earlier. */
        public Builder incrementalSince(Path previousCopy) {
            this.since = previousCopy;
            return this;
        }

        /** Carry the checkpoint of {@code stream} for {@code partition} in {@code window}. */
        public Builder checkpoint(String stream, String partition, Window window) {
            checkpoints.add(new CheckpointScope(stream, partition, window.key()));
            return this;
        }

        /** Carry the checkpoints the pull steps of {@code plan} keep: each partition in the step's window. */
        public Builder checkpointsOf(Plan plan) {
            for (Step step : plan.steps()) {
                if (step instanceof Step.Pull pull) {
                    pull.partitions().forEach(p -> checkpoint(pull.stream().name(), p, pull.window()));
                }
            }
            return this;
        }

        /** The clock of the manifest's creation time. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public CopyOptions build() {
            List<String> problems = new ArrayList<>();
            if (node == null || node.isBlank()) {
                problems.add("node: the source node's id is required (its checkpoints are the ones copied)");
            }
            if (since != null && !Files.isRegularFile(since)) {
                problems.add("incrementalSince: " + since + " is not a file; give the earlier copy's file");
            }
            if (clock == null) {
                problems.add("clock: is required");
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("copy options", problems);
            }
            return new CopyOptions(this);
        }
    }
}
