package br.dev.sync.core.scheduler;

import br.dev.sync.core.SyncReport;
import java.util.Objects;

/**
 * How one run started by a {@link SyncScheduler} ended. A closed set: switch over it.
 *
 * <p>All cases are immutable and thread-safe.
 */
public sealed interface RunOutcome {
    /** What started a run. */
    enum Trigger {
        /** The plan's schedule or interval was due. */
        SCHEDULED,
        /** {@link SyncScheduler#syncNow(String)}: the "force update" button. */
        SYNC_NOW
    }

    String plan();

    Trigger trigger();

    /** Every step succeeded; the report is also in the store's run log. */
    record Succeeded(String plan, Trigger trigger, SyncReport report) implements RunOutcome {
        public Succeeded {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * The run ended with a step that did not succeed ({@code report} says which and why), or could not run at all
     * ({@code report} is null and {@code cause} says why). The schedule goes on.
     */
    record Failed(String plan, Trigger trigger, SyncReport report, String reason, Throwable cause)
            implements RunOutcome {
        public Failed {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Not run because the plan was already running: in this scheduler, or in another process or engine that holds
     * the plan's lease in the store. Not a failure; the running one carries on undisturbed.
     */
    record Skipped(String plan, Trigger trigger, String reason) implements RunOutcome {
        public Skipped {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
