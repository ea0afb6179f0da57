package br.dev.sync.core.internal.scheduler;

import br.dev.sync.core.LeaseUnavailableException;
import br.dev.sync.core.StepReport;
import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.scheduler.RunOutcome;
import br.dev.sync.core.scheduler.SchedulerListener;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one claimed plan on the engine, sorts the result into an outcome, plans the next run and tells listeners. */
public final class PlanRuns {
    private static final Logger LOG = LoggerFactory.getLogger(PlanRuns.class);
    private final SyncEngine engine;
    private final Clock clock;
    private final List<SchedulerListener> listeners;

    public PlanRuns(SyncEngine engine, Clock clock, List<SchedulerListener> listeners) {
        this.engine = engine;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** Runs the claimed plan; whatever happens, the plan is released and its next run planned before listeners hear. */
    public RunOutcome runAndPlanNext(ScheduledPlan p, RunOutcome.Trigger trigger) {
        RunOutcome outcome;
        try {
            outcome = run(p, trigger);
        } finally {
            p.finished(clock.instant());
        }
        log(outcome, p);
        tell(outcome);
        return outcome;
    }

    private RunOutcome run(ScheduledPlan p, RunOutcome.Trigger trigger) {
        try {
            SyncReport report = engine.run(p.plan());
            if (report.succeeded()) {
                return new RunOutcome.Succeeded(p.name(), trigger, report);
            }
            return new RunOutcome.Failed(p.name(), trigger, report, failedSteps(report), null);
        } catch (LeaseUnavailableException e) {
            return new RunOutcome.Skipped(p.name(), trigger, e.getMessage());
        } catch (RuntimeException e) {
            String why = "plan '" + p.name() + "' could not run on node " + engine.node() + ": " + e;
            return new RunOutcome.Failed(p.name(), trigger, null, why, e);
        }
    }

    private static String failedSteps(SyncReport report) {
        return "run " + report.runId() + " of plan '" + report.plan() + "' did not succeed: "
                + report.steps().stream()
                        .filter(s -> s.status() != StepStatus.SUCCEEDED)
                        .map(PlanRuns::describe)
                        .toList();
    }

    private static String describe(StepReport s) {
        return s.step() + " " + s.status() + (s.error() == null ? "" : " (" + s.error() + ")");
    }

    private static void log(RunOutcome outcome, ScheduledPlan p) {
        String next = p.nextRun().map(Object::toString).orElse("never");
        if (outcome instanceof RunOutcome.Failed f) {
            LOG.warn("{} run of plan {} failed, next run {}: {}", f.trigger(), f.plan(), next, f.reason());
        } else if (outcome instanceof RunOutcome.Skipped s) {
            LOG.info("{} run of plan {} skipped, next run {}: {}", s.trigger(), s.plan(), next, s.reason());
        } else {
            LOG.debug("{} run of plan {} succeeded, next run {}", outcome.trigger(), outcome.plan(), next);
        }
    }

    /** Tells every listener; a listener's exception is logged and ignored. */
    public void tell(RunOutcome outcome) {
        for (SchedulerListener l : listeners) {
            try {
                l.onOutcome(outcome);
            } catch (RuntimeException e) {
                LOG.warn("a scheduler listener failed on the outcome of plan {}: {}", outcome.plan(), e.toString());
            }
        }
    }

    public static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
