package br.dev.sync.core.scheduler;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.Plan;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.internal.scheduler.Cadence;
import br.dev.sync.core.internal.scheduler.PlanRuns;
import br.dev.sync.core.internal.scheduler.ScheduledPlan;
import br.dev.sync.core.schedule.Schedule;
import br.dev.sync.core.schedule.SyncIntervals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs plans when they are due: on a {@link Schedule}'s slots, or at a fixed interval after the last run finished
 * (the ERP's automatic sync, {@link #automatic}); and at once on request ({@link #syncNow}, the "force update").
 *
 * <pre>{@code
 * try (SyncScheduler auto = SyncScheduler.automatic(engine, sendPlan, receivePlan, SyncIntervals.DEFAULT)) {
 *     auto.start();                            // receive and send every 5 minutes, each on its own interval
 *     auto.syncNow("receive");                 // the "sync now" button
 * }
 * }</pre>
 *
 * <h2>Promises</h2>
 * <ul>
 *   <li>A plan never runs twice at once. A plan still running when its next run is due is not started again; the
 *       next run is planned from when the running one finishes (slots that passed meanwhile are skipped, not
 *       replayed). Across processes the engine's lease in the store does the same: a run refused because another
 *       process holds the lease ends as {@link RunOutcome.Skipped}, not as a failure.
 *   <li>A failing run is logged at WARN and reported to the listeners as {@link RunOutcome.Failed}; the schedule
 *       goes on.
 *   <li>{@link #syncNow} of a plan that is running is <em>refused, not queued</em>: it answers a
 *       {@link RunOutcome.Skipped} at once and the running run carries on. A queued request would mostly repeat
 *       work the running run is doing; press again after it ends. A sync-now that ran plans the next automatic run
 *       from when it finished, as a scheduled run does.
 *   <li>{@link #stop()} starts nothing new, waits for running plans up to the stop timeout and interrupts nothing,
 *       so no apply is cut mid-commit; a run that outlives the timeout finishes on its own thread.
 * </ul>
 *
 * <h2>Time</h2>
 * The clock is injectable. {@link #tick()} starts every plan that is due by the clock and returns at once; after
 * {@link #start()} a background thread calls it every poll interval (1 second by default). Tests drive a
 * controllable clock and call {@link #tick()} themselves, without {@link #start()}.
 *
 * <p>Thread-safe.
 */
public final class SyncScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    private final Clock clock;
    private final Map<String, ScheduledPlan> plans;
    private final PlanRuns runs;
    private final Duration pollInterval;
    private final Duration stopTimeout;
    private final ExecutorService runThreads = Executors.newCachedThreadPool(PlanRuns.daemon("sync-scheduled-run"));
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(PlanRuns.daemon("sync-scheduler"));
    private final Object lifecycle = new Object();
    private boolean started;
    private boolean stopped;

    private SyncScheduler(Builder b) {
        this.clock = b.clock;
        this.pollInterval = b.pollInterval;
        this.stopTimeout = b.stopTimeout;
        this.runs = new PlanRuns(b.engine, clock, List.copyOf(b.listeners));
        Instant now = clock.instant();
        Map<String, ScheduledPlan> byName = new LinkedHashMap<>();
        b.entries.forEach(e -> byName.put(e.plan().name(), new ScheduledPlan(e.plan(), e.cadence(), now)));
        this.plans = Map.copyOf(byName);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The ERP's automatic sync: {@code receive} and {@code send} each run at once and then every
     * {@link SyncIntervals#receive()} / {@link SyncIntervals#send()} after their last run finished, independently
     * ({@link SyncIntervals#DEFAULT}: 5 minutes each), by the engine's clock. Call {@link #start()} to begin.
     */
    public static SyncScheduler automatic(SyncEngine engine, Plan send, Plan receive, SyncIntervals intervals) {
        return automatic(engine, send, receive, intervals, engine.clock());
    }

    /** As {@link #automatic(SyncEngine, Plan, Plan, SyncIntervals)}, with the clock that says when runs are due. */
    public static SyncScheduler automatic(
            SyncEngine engine, Plan send, Plan receive, SyncIntervals intervals, Clock clock) {
        return builder()
                .engine(engine)
                .clock(clock)
                .every(receive, intervals.receive())
                .every(send, intervals.send())
                .build();
    }

    /** Starts the background thread that runs due plans every poll interval. Calling it twice does nothing. */
    public void start() {
        synchronized (lifecycle) {
            if (stopped) {
                throw new IllegalStateException("this scheduler was stopped; build a new one to start again");
            }
            if (started) {
                return;
            }
            started = true;
            long every = pollInterval.toMillis();
            ticker.scheduleWithFixedDelay(this::tickQuietly, 0, every, TimeUnit.MILLISECONDS);
        }
        LOG.info("sync scheduler started: {}", describe());
    }

    /** Starts every plan that is due by the clock and not running; answers their names. Returns at once. */
    public List<String> tick() {
        Instant now = clock.instant();
        List<String> launched = new ArrayList<>();
        synchronized (lifecycle) {
            if (stopped) {
                return List.of();
            }
            for (ScheduledPlan p : plans.values()) {
                CompletableFuture<RunOutcome> run = p.claimIfDue(now);
                if (run != null) {
                    launch(p, run, RunOutcome.Trigger.SCHEDULED);
                    launched.add(p.name());
                }
            }
        }
        return launched;
    }

    /**
     * Runs a plan now, whatever its schedule says (the "force update"). Answers the run's outcome when it ends;
     * when the plan is already running here it answers {@link RunOutcome.Skipped} at once (refused, not queued).
     *
     * @throws ConfigurationException when no plan of that name is scheduled here
     * @throws IllegalStateException when the scheduler is stopped
     */
    public CompletableFuture<RunOutcome> syncNow(String planName) {
        ScheduledPlan p = plan(planName);
        synchronized (lifecycle) {
            if (stopped) {
                throw new IllegalStateException(
                        "the scheduler is stopped: plan '" + planName + "' was not run; build a new scheduler");
            }
            CompletableFuture<RunOutcome> run = p.claimNow(clock.instant());
            if (run == null) {
                RunOutcome skipped = new RunOutcome.Skipped(
                        planName,
                        RunOutcome.Trigger.SYNC_NOW,
                        "plan '" + planName + "' is already running here (since "
                                + p.runningSince().map(Instant::toString).orElse("a moment ago")
                                + "); this request was not queued: its changes are in the running run or in the next");
                runs.tell(skipped);
                return CompletableFuture.completedFuture(skipped);
            }
            launch(p, run, RunOutcome.Trigger.SYNC_NOW);
            return run;
        }
    }

    /** When the plan runs next by its schedule; empty when it never will (a disabled schedule). */
    public Optional<Instant> nextRun(String planName) {
        return plan(planName).nextRun();
    }

    /** Whether a run of the plan started by this scheduler is in flight. */
    public boolean isRunning(String planName) {
        return plan(planName).running().isPresent();
    }

    /** The scheduled plans' names. */
    public List<String> plans() {
        return plans.keySet().stream().sorted().toList();
    }

    /** {@link #stop(Duration)} with the builder's stop timeout (30 seconds by default). */
    public boolean stop() {
        return stop(stopTimeout);
    }

    /**
     * Starts nothing more and waits up to {@code timeout} for running plans; interrupts nothing. Answers whether
     * every run had ended; one that had not finishes on its own thread and is logged.
     */
    public boolean stop(Duration timeout) {
        synchronized (lifecycle) {
            stopped = true;
        }
        ticker.shutdownNow();
        runThreads.shutdown();
        List<CompletableFuture<RunOutcome>> inFlight =
                plans.values().stream().flatMap(p -> p.running().stream()).toList();
        boolean done = await(inFlight, timeout);
        if (!done) {
            LOG.warn(
                    "sync scheduler stopped while plans {} were still running after {}; they finish on their own",
                    plans.values().stream()
                            .filter(p -> p.running().isPresent())
                            .map(ScheduledPlan::name)
                            .toList(),
                    timeout);
        } else {
            LOG.info("sync scheduler stopped");
        }
        return done;
    }

    @Override
    public void close() {
        stop();
    }

    private void launch(ScheduledPlan p, CompletableFuture<RunOutcome> run, RunOutcome.Trigger trigger) {
        runThreads.execute(() -> {
            try {
                run.complete(runs.runAndPlanNext(p, trigger));
            } catch (RuntimeException | Error e) {
                run.completeExceptionally(e); // the plan is released already; stop() must not wait for it
                throw e;
            }
        });
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("sync scheduler tick failed, trying again in {}: {}", pollInterval, e.toString());
        }
    }

    private static boolean await(List<CompletableFuture<RunOutcome>> inFlight, Duration timeout) {
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private ScheduledPlan plan(String name) {
        ScheduledPlan p = plans.get(name);
        if (p == null) {
            throw new ConfigurationException(
                    "sync scheduler",
                    List.of("plan '" + name + "' is not scheduled here; scheduled plans: " + plans()));
        }
        return p;
    }

    private String describe() {
        return plans.values().stream()
                .map(p -> p.name() + " " + p.cadence().describe() + ", next "
                        + p.nextRun().map(Instant::toString).orElse("never"))
                .toList()
                .toString();
    }

    /**
     * Collects a scheduler's engine, clock, plans and listeners; {@link #build()} checks them all at once.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private SyncEngine engine;
        private Clock clock;
        private final List<Entry> entries = new ArrayList<>();
        private final List<SchedulerListener> listeners = new ArrayList<>();
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration stopTimeout = Duration.ofSeconds(30);

        private record Entry(Plan plan, Cadence cadence) {}

        private Builder() {}

        public Builder engine(SyncEngine engine) {
            this.engine = engine;
            return this;
        }

        /** The clock that says when plans are due (the engine's clock by default). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Runs {@code plan} on {@code schedule}'s slots. */
        public Builder add(Plan plan, Schedule schedule) {
            return add(plan, schedule, false);
        }

        /** Runs {@code plan} on {@code schedule}'s slots; a {@code heavy} plan does not start in its quiet hours. */
        public Builder add(Plan plan, Schedule schedule, boolean heavy) {
            entries.add(new Entry(plan, schedule == null ? null : Cadence.of(schedule, heavy)));
            return this;
        }

        /** Runs {@code plan} at once, then {@code interval} after each run finished. */
        public Builder every(Plan plan, Duration interval) {
            entries.add(new Entry(plan, interval == null ? null : Cadence.every(interval)));
            return this;
        }

        public Builder listener(SchedulerListener listener) {
            listeners.add(listener);
            return this;
        }

        /** How often the background thread looks for due plans (1 second by default). */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** How long {@link SyncScheduler#stop()} waits for running plans (30 seconds by default). */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        public SyncScheduler build() {
            List<String> problems = new ArrayList<>();
            if (engine == null) {
                problems.add("engine: is required (the SyncEngine that runs the plans)");
            }
            if (clock == null && engine != null) {
                clock = engine.clock();
            }
            if (entries.isEmpty()) {
                problems.add("plans: add at least one plan with add(plan, schedule) or every(plan, interval)");
            }
            List<String> names = new ArrayList<>();
            for (Entry e : entries) {
                if (e.plan() == null) {
                    problems.add("plan: is required for every entry");
                } else if (names.contains(e.plan().name())) {
                    problems.add("plan '" + e.plan().name() + "': is scheduled twice; give each plan one schedule");
                } else {
                    names.add(e.plan().name());
                }
                if (e.cadence() == null) {
                    problems.add(
                            "plan " + (e.plan() == null ? "?" : "'" + e.plan().name() + "'")
                                    + ": a schedule or interval is required");
                }
            }
            checkDuration("pollInterval", pollInterval, Duration.ofMillis(10), problems);
            checkDuration("stopTimeout", stopTimeout, Duration.ZERO, problems);
            if (!problems.isEmpty()) {
                throw new ConfigurationException("sync scheduler", problems);
            }
            return new SyncScheduler(this);
        }

        private static void checkDuration(String name, Duration value, Duration min, List<String> problems) {
            if (value == null || value.compareTo(min) < 0) {
                problems.add(name + ": must be at least " + min + " (was " + value + ")");
            }
        }
    }
}
