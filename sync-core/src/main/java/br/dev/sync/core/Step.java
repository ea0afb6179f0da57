package br.dev.sync.core;

import br.dev.sync.core.spi.Gate;
import br.dev.sync.core.spi.SyncTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One step of a {@link Plan}: a pull of a stream, a push of a stream's outbox, or a task of the host's. Every step
 * has a unique name within its plan, the names of the steps it runs {@link #after()}, and the gates it must pass.
 * Steps are values: the {@code with}-style methods return changed copies.
 *
 * <p>All cases are immutable and thread-safe.
 */
public sealed interface Step {
    String name();

    List<String> after();

    List<Gate> gates();

    /** The stream the step works on, or "" for a task. */
    String streamName();

    static <T> Pull pull(SyncStream<T> stream, SyncTransport transport) {
        return new Pull(
                "pull " + stream.name(),
                stream,
                transport,
                Window.SINCE_CHECKPOINT,
                List.of(""),
                500,
                List.of(),
                List.of());
    }

    static Push push(SyncStream<?> stream, SyncTransport transport) {
        return new Push("push " + stream.name(), stream.name(), transport, 500, List.of(), List.of());
    }

    static Task task(String name, StepAction action) {
        return new Task(name, action, List.of(), List.of());
    }

    /** Pulls a stream page by page, per partition, within a window. */
    record Pull(
            String name,
            SyncStream<?> stream,
            SyncTransport transport,
            Window window,
            List<String> partitions,
            int pageSize,
            List<String> after,
            List<Gate> gates)
            implements Step {
        public Pull {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(window, "window");
            partitions = partitions.isEmpty() ? List.of("") : List.copyOf(partitions);
            after = List.copyOf(after);
            gates = List.copyOf(gates);
            if (pageSize <= 0) {
                throw new ConfigurationException(
                        "step " + name, List.of("pageSize: must be positive (was " + pageSize + ")"));
            }
        }

        public String streamName() {
            return stream.name();
        }

        public Pull named(String newName) {
            return new Pull(newName, stream, transport, window, partitions, pageSize, after, gates);
        }

        public Pull window(Window newWindow) {
            return new Pull(name, stream, transport, newWindow, partitions, pageSize, after, gates);
        }

        public Pull partitions(List<String> newPartitions) {
            return new Pull(name, stream, transport, window, newPartitions, pageSize, after, gates);
        }

        public Pull pageSize(int newPageSize) {
            return new Pull(name, stream, transport, window, partitions, newPageSize, after, gates);
        }

        public Pull after(String... steps) {
            return new Pull(name, stream, transport, window, partitions, pageSize, plus(after, steps), gates);
        }

        public Pull gate(Gate gate) {
            return new Pull(name, stream, transport, window, partitions, pageSize, after, plus(gates, gate));
        }
    }

    /** Sends a stream's outbox in batches with stable ids. */
    record Push(
            String name,
            String streamName,
            SyncTransport transport,
            int batchSize,
            List<String> after,
            List<Gate> gates)
            implements Step {
        public Push {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(streamName, "streamName");
            Objects.requireNonNull(transport, "transport");
            after = List.copyOf(after);
            gates = List.copyOf(gates);
            if (batchSize <= 0) {
                throw new ConfigurationException(
                        "step " + name, List.of("batchSize: must be positive (was " + batchSize + ")"));
            }
        }

        public Push named(String newName) {
            return new Push(newName, streamName, transport, batchSize, after, gates);
        }

        public Push batchSize(int newBatchSize) {
            return new Push(name, streamName, transport, newBatchSize, after, gates);
        }

        public Push after(String... steps) {
            return new Push(name, streamName, transport, batchSize, plus(after, steps), gates);
        }

        public Push gate(Gate gate) {
            return new Push(name, streamName, transport, batchSize, after, plus(gates, gate));
        }
    }

    /** Work of the host's own (an import, an align, a copy) run as a step with gates, progress and a report. */
    record Task(String name, StepAction action, List<String> after, List<Gate> gates) implements Step {
        public Task {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(action, "action");
            after = List.copyOf(after);
            gates = List.copyOf(gates);
        }

        public String streamName() {
            return "";
        }

        public Task after(String... steps) {
            return new Task(name, action, plus(after, steps), gates);
        }

        public Task gate(Gate gate) {
            return new Task(name, action, after, plus(gates, gate));
        }
    }

    @SafeVarargs
    private static <E> List<E> plus(List<E> list, E... more) {
        List<E> copy = new ArrayList<>(list);
        copy.addAll(List.of(more));
        return copy;
    }
}
