package br.dev.sync.core;

import br.dev.sync.core.internal.engine.EngineRetry;
import br.dev.sync.core.internal.engine.Listeners;
import br.dev.sync.core.internal.engine.PlanRunner;
import br.dev.sync.core.internal.engine.PullRunner;
import br.dev.sync.core.internal.engine.PushRunner;
import br.dev.sync.core.spi.SyncListener;
import br.dev.sync.core.spi.SyncStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs plans for one node against one store.
 *
 * <pre>{@code
 * SyncEngine sync = SyncEngine.builder().node("agency-0042").store(store).listener(progress).build();
 * SyncReport report = sync.run(plan);
 * }</pre>
 *
 * <p>A run takes the plan's lease in the store first, so the same plan never runs twice at once for a node, also
 * across processes sharing the store ({@link LeaseUnavailableException} otherwise). Steps whose dependencies have
 * succeeded run, independent ones in parallel; a step that fails or is refused does not stop the others, only the
 * steps that depend on it. The report is returned, given to the listeners and kept in the store's run log.
 *
 * <p>Thread-safe. Close it to stop its threads.
 */
public final class SyncEngine implements AutoCloseable {
    private final String node;
    private final SyncStore store;
    private final PlanRunner runner;
    private final PullRunner pulls;
    private final SyncListener listener;
    private final Clock clock;
    private final ExecutorService stepThreads;
    private final ExecutorService prefetchThreads;
    private final ScheduledExecutorService heartbeat;
    private final Map<String, SyncStream<?>> streams = new ConcurrentHashMap<>();

    private SyncEngine(Builder b) {
        this.node = b.node;
        this.store = b.store;
        this.clock = b.clock;
        this.listener = new Listeners(b.listeners);
        this.stepThreads = Executors.newFixedThreadPool(b.parallelism, daemon("sync-step"));
        this.prefetchThreads = Executors.newCachedThreadPool(daemon("sync-fetch"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("sync-lease"));
        EngineRetry retry = new EngineRetry(b.retry);
        this.pulls = new PullRunner(retry, prefetchThreads, b.decodeThreads);
        this.runner = new PlanRunner(new PlanRunner.Settings(
                node, store, listener, clock, b.leaseTtl, stepThreads, heartbeat, pulls, new PushRunner(retry)));
        b.streams.forEach(this::register);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs a plan to its end and answers its report (see {@link SyncReport#throwIfFailed()}). */
    public SyncReport run(Plan plan) {
        plan.steps().forEach(step -> {
            if (step instanceof Step.Pull pull) {
                register(pull.stream());
            }
        });
        return runner.run(plan);
    }

    /** Runs one step as a plan of its own, named after the step. */
    public SyncReport run(Step step) {
        return run(Plan.of(step.name(), step));
    }

    /** Lists, retries and deletes quarantined records. */
    public Quarantine quarantine() {
        return new Quarantine(this);
    }

    public String node() {
        return node;
    }

    public SyncStore store() {
        return store;
    }

    /** Makes a stream known for quarantine retries even before a plan with it has run. */
    public void register(SyncStream<?> stream) {
        streams.putIfAbsent(stream.name(), stream);
    }

    SyncStream<?> stream(String name) {
        SyncStream<?> s = streams.get(name);
        if (s == null) {
            throw new ConfigurationException(
                    "quarantine retry",
                    List.of(
                            "stream '" + name
                                    + "' is not known to this engine: register it with SyncEngine.Builder.stream(...) or run a plan that pulls it"));
        }
        return s;
    }

    PullRunner pulls() {
        return pulls;
    }

    SyncListener listener() {
        return listener;
    }

    /** The clock runs and schedules are timed by. */
    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        stepThreads.shutdownNow();
        prefetchThreads.shutdownNow();
        heartbeat.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Collects an engine's settings; {@link #build()} checks them all at once.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private String node;
        private SyncStore store;
        private final List<SyncListener> listeners = new ArrayList<>();
        private final List<SyncStream<?>> streams = new ArrayList<>();
        private RetrySettings retry = new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(5), 0.25);
        private Duration leaseTtl = Duration.ofMinutes(2);
        private int parallelism = 2;
        private int decodeThreads =
                Math.min(PullRunner.MAX_DECODE_THREADS, Runtime.getRuntime().availableProcessors());
        private Clock clock = Clock.system(Window.SAO_PAULO);

        private Builder() {}

        /** This node's stable id, e.g. "agency-0042". */
        public Builder node(String node) {
            this.node = node;
            return this;
        }

        public Builder store(SyncStore store) {
            this.store = store;
            return this;
        }

        public Builder listener(SyncListener listener) {
            listeners.add(listener);
            return this;
        }

        public Builder stream(SyncStream<?> stream) {
            streams.add(stream);
            return this;
        }

        /** Retries of fetches, pushes and applies that failed in a retryable way (on top of the transport's own). */
        public Builder retry(RetrySettings retry) {
            this.retry = retry;
            return this;
        }

        /** How long a plan's lease lasts without renewal; a crashed run frees its plan after this. */
        public Builder leaseTtl(Duration leaseTtl) {
            this.leaseTtl = leaseTtl;
            return this;
        }

        /** How many independent steps run at once. */
        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        /**
         * How many threads decode, validate and map the records of one pulled page at once, while the page before
         * it is applied and the page after it fetched (default: the processors available to the JVM, at most 8).
         * 1 keeps a pull's record work on one thread, for a host that wants the cores for itself.
         */
        public Builder decodeThreads(int decodeThreads) {
            this.decodeThreads = decodeThreads;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public SyncEngine build() {
            List<String> problems = new ArrayList<>();
            if (node == null || !node.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
                problems.add(
                        "node: a stable id of letters, digits, '.', '_', ':' or '-' is required (was '" + node + "')");
            }
            if (store == null) {
                problems.add("store: is required (JdbcSyncStore.on(dataSource) or InMemorySyncStore for tests)");
            }
            if (retry == null) {
                problems.add("retry: is required");
            }
            if (leaseTtl == null || leaseTtl.toMillis() < 100) {
                problems.add("leaseTtl: must be at least 100 ms (was " + leaseTtl + ")");
            }
            if (parallelism < 1 || parallelism > 64) {
                problems.add("parallelism: must be 1 to 64 (was " + parallelism + ")");
            }
            if (decodeThreads < 1 || decodeThreads > PullRunner.MAX_DECODE_THREADS) {
                problems.add("decodeThreads: must be 1 to " + PullRunner.MAX_DECODE_THREADS + " (was " + decodeThreads
                        + ")");
            }
            if (clock == null) {
                problems.add("clock: is required");
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("sync engine", problems);
            }
            return new SyncEngine(this);
        }
    }
}
