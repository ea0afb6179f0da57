package br.dev.sync.core.internal.scheduler;

import br.dev.sync.core.Plan;
import br.dev.sync.core.scheduler.RunOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One plan under a scheduler: its cadence, its next run, and the run in flight. At most one run at a time: a run is
 * claimed under this object's lock and released when it ends.
 */
public final class ScheduledPlan {
    private final Plan plan;
    private final Cadence cadence;
    private Instant nextRun;
    private CompletableFuture<RunOutcome> running;
    private Instant runningSince;

    public ScheduledPlan(Plan plan, Cadence cadence, Instant now) {
        this.plan = plan;
        this.cadence = cadence;
        this.nextRun = cadence.first(now).orElse(null);
    }

    public Plan plan() {
        return plan;
    }

    public String name() {
        return plan.name();
    }

    public Cadence cadence() {
        return cadence;
    }

    public synchronized Optional<Instant> nextRun() {
        return Optional.ofNullable(nextRun);
    }

    /** The run in flight, if any. */
    public synchronized Optional<CompletableFuture<RunOutcome>> running() {
        return Optional.ofNullable(running);
    }

    public synchronized Optional<Instant> runningSince() {
        return Optional.ofNullable(runningSince);
    }

    /** Claims a run if the plan is due at {@code now} and not running; answers its future, else null. */
    public synchronized CompletableFuture<RunOutcome> claimIfDue(Instant now) {
        if (running != null || nextRun == null || nextRun.isAfter(now)) {
            return null;
        }
        return claim(now);
    }

    /** Claims a run now whatever the schedule says, unless one is in flight (then null). */
    public synchronized CompletableFuture<RunOutcome> claimNow(Instant now) {
        return running != null ? null : claim(now);
    }

    private CompletableFuture<RunOutcome> claim(Instant now) {
        running = new CompletableFuture<>();
        runningSince = now;
        return running;
    }

    /** Ends the run in flight and plans the next one from when it finished. */
    public synchronized void finished(Instant at) {
        nextRun = cadence.after(at).orElse(null);
        running = null;
        runningSince = null;
    }
}
