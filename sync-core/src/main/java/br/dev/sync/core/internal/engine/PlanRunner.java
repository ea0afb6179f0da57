package br.dev.sync.core.internal.engine;

import br.dev.sync.core.GateRefusedException;
import br.dev.sync.core.LeaseUnavailableException;
import br.dev.sync.core.Plan;
import br.dev.sync.core.Step;
import br.dev.sync.core.StepReport;
import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncEvent;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.Window;
import br.dev.sync.core.spi.Gate;
import br.dev.sync.core.spi.GateContext;
import br.dev.sync.core.spi.SyncListener;
import br.dev.sync.core.spi.SyncStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a plan: takes the plan's lease, runs ready steps (in parallel where independent), and writes the report. */
public final class PlanRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PlanRunner.class);

    /** Everything a run needs from its engine. */
    public record Settings(
            String node,
            SyncStore store,
            SyncListener listener,
            Clock clock,
            Duration leaseTtl,
            ExecutorService steps,
            ScheduledExecutorService heartbeat,
            PullRunner pulls,
            PushRunner pushes) {}

    private final Settings s;

    public PlanRunner(Settings settings) {
        this.s = settings;
    }

    public SyncReport run(Plan plan) {
        String runId = UUID.randomUUID().toString();
        String lease = "plan:" + plan.name() + "@" + s.node();
        String holder = s.node() + "/" + runId;
        if (!s.store().tryLease(lease, holder, s.leaseTtl())) {
            throw new LeaseUnavailableException("plan '" + plan.name() + "' is already running on node " + s.node()
                    + " (another thread or process holds its lease); this run was not started. Try again when it ends"
                    + " or after its lease expires (" + s.leaseTtl() + ").");
        }
        long renewEvery = Math.max(1, s.leaseTtl().toMillis() / 3);
        ScheduledFuture<?> renew = s.heartbeat()
                .scheduleAtFixedRate(() -> renewLease(lease, holder), renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        Instant started = s.clock().instant();
        LOG.info("run {} of plan {} on node {} started", runId, plan.name(), s.node());
        s.listener().onEvent(new SyncEvent.RunStarted(runId, plan.name(), s.node()));
        try {
            List<StepReport> steps = runSteps(plan, runId);
            SyncReport report = new SyncReport(
                    runId, plan.name(), s.node(), started, s.clock().instant(), steps);
            recordRun(report);
            LOG.info(
                    "run {} of plan {} on node {} finished: {}",
                    runId,
                    plan.name(),
                    s.node(),
                    report.succeeded() ? "succeeded" : "did not succeed");
            s.listener().onEvent(new SyncEvent.RunFinished(runId, report));
            return report;
        } finally {
            renew.cancel(false);
            s.store().releaseLease(lease, holder);
        }
    }

    private void renewLease(String lease, String holder) {
        try {
            if (!s.store().tryLease(lease, holder, s.leaseTtl())) {
                LOG.warn("lease {} was lost by {}", lease, holder);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot renew lease {}: {}", lease, e.getMessage());
        }
    }

    private void recordRun(SyncReport report) {
        try {
            s.store().recordRun(report);
        } catch (RuntimeException e) {
            LOG.warn("cannot store the report of run {}: {}", report.runId(), e.getMessage());
        }
    }

    private List<StepReport> runSteps(Plan plan, String runId) {
        Map<String, StepReport> done = new HashMap<>();
        Map<String, Step> waiting = new LinkedHashMap<>();
        plan.ordered().forEach(step -> waiting.put(step.name(), step));
        CompletionService<StepReport> running = new ExecutorCompletionService<>(s.steps());
        int inFlight = 0;
        while (!waiting.isEmpty() || inFlight > 0) {
            for (Step step : List.copyOf(waiting.values())) {
                if (!done.keySet().containsAll(step.after())) {
                    continue;
                }
                waiting.remove(step.name());
                List<String> failedDeps = step.after().stream()
                        .filter(d -> done.get(d).status() != StepStatus.SUCCEEDED)
                        .toList();
                if (!failedDeps.isEmpty()) {
                    done.put(
                            step.name(),
                            StepReport.notRun(
                                    step.name(),
                                    step.streamName(),
                                    StepStatus.SKIPPED,
                                    "not run because " + String.join(", ", failedDeps) + " did not succeed"));
                    continue;
                }
                running.submit(() -> runStep(step, runId));
                inFlight++;
            }
            if (inFlight > 0) {
                StepReport r = take(running);
                inFlight--;
                done.put(r.step(), r);
            }
        }
        List<StepReport> ordered = new ArrayList<>();
        plan.ordered().forEach(step -> ordered.add(done.get(step.name())));
        return ordered;
    }

    private static StepReport take(CompletionService<StepReport> running) {
        try {
            return running.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new br.dev.sync.core.SyncException("run interrupted", e);
        } catch (ExecutionException e) {
            throw new br.dev.sync.core.SyncException("a step crashed: " + e.getCause(), e.getCause());
        }
    }

    StepReport runStep(Step step, String runId) {
        Window window = step instanceof Step.Pull p ? p.window() : Window.SINCE_CHECKPOINT;
        StepRun run = new StepRun(
                runId, step.name(), step.streamName(), s.node(), s.store(), window, s.clock(), s.listener());
        s.listener().onEvent(new SyncEvent.StepStarted(runId, step.name(), step.streamName()));
        StepReport report;
        try {
            checkGates(step, window);
            if (step instanceof Step.Pull pull) {
                s.pulls().run(pull, run);
            } else if (step instanceof Step.Push push) {
                s.pushes().run(push, run);
            } else if (step instanceof Step.Task task) {
                task.action().run(run);
            }
            report = run.report(StepStatus.SUCCEEDED, null);
        } catch (GateRefusedException e) {
            LOG.info("step {} refused: {}", step.name(), e.getMessage());
            report = run.report(StepStatus.REFUSED, e.getMessage());
        } catch (Exception e) {
            LOG.warn("step {} of run {} failed: {}", step.name(), runId, e.toString());
            report = run.report(StepStatus.FAILED, e.getMessage() != null ? e.getMessage() : e.toString());
        }
        s.listener().onEvent(new SyncEvent.StepFinished(runId, report));
        return report;
    }

    private void checkGates(Step step, Window window) {
        GateContext context = new GateContext(s.store(), s.node(), window, s.clock());
        for (Gate gate : step.gates()) {
            List<String> missing = gate.missing(context);
            if (!missing.isEmpty()) {
                throw new GateRefusedException(step.name(), gate.name(), missing);
            }
        }
    }
}
