package br.dev.sync.core;

import br.dev.sync.core.internal.engine.ChangeJson;
import br.dev.sync.core.internal.engine.PullRunner;
import br.dev.sync.core.internal.engine.StepRun;
import java.util.List;
import java.util.Optional;

/**
 * The quarantine of an engine's store: list what was kept aside and why, retry it after fixing the cause (a
 * registered client, a corrected mapping, a person's decision on a conflict), or delete it.
 *
 * <p>A retry takes the raw record through the stream's pipeline again. On success it is applied (for a manual
 * conflict: the remote change is applied and the pending local one dropped) and the entry is removed in the same
 * transaction; on failure the entry stays with the new reason and one more attempt. A refused push goes back to
 * the outbox and is sent by the next push step.
 *
 * <p>Thread-safe.
 */
public final class Quarantine {
    private final SyncEngine engine;

    Quarantine(SyncEngine engine) {
        this.engine = engine;
    }

    public List<QuarantineEntry> list(QuarantineQuery query) {
        return engine.store().quarantined(query);
    }

    public Optional<QuarantineEntry> get(long id) {
        return engine.store().quarantined(id);
    }

    public long count(String stream) {
        return engine.store().quarantineCount(stream);
    }

    public boolean delete(long id) {
        return engine.store().deleteQuarantined(id);
    }

    /** Retries one entry; answers true when it was taken, false when it failed again (its reason is updated). */
    public boolean retry(long id) {
        QuarantineEntry entry = get(id).orElseThrow(() -> new ConfigurationException(
                "quarantine retry",
                List.of("id: no quarantined record has id " + id + " (it may have been retried or deleted already)")));
        return retry(entry);
    }

    /** Retries every entry of a stream, oldest first; answers how many were taken. */
    public int retryAll(String stream) {
        int taken = 0;
        for (QuarantineEntry e : list(QuarantineQuery.stream(stream))) {
            if (retry(e)) {
                taken++;
            }
        }
        return taken;
    }

    private boolean retry(QuarantineEntry entry) {
        if (entry.stage() == QuarantineStage.PUSH) {
            Change change = ChangeJson.read(entry.raw());
            engine.store().append(change);
            engine.store().deleteQuarantined(entry.id());
            return true;
        }
        SyncStream<?> stream = engine.stream(entry.stream());
        StepRun run = new StepRun(
                "retry-" + entry.id(),
                "quarantine retry",
                stream.name(),
                engine.node(),
                engine.store(),
                Window.SINCE_CHECKPOINT,
                engine.clock(),
                engine.listener());
        PullRunner pulls = engine.pulls();
        PullRunner.PageWork work = pulls.prepare(
                stream,
                entry.partition(),
                List.of(entry.raw()),
                "retry",
                run,
                entry.stage() == QuarantineStage.CONFLICT ? entry.id() : null);
        if (work.rejected()) {
            QuarantineEntry again = work.quarantine().get(0);
            engine.store()
                    .requarantine(
                            entry.failedAgain(again.reason(), engine.clock().instant()));
            return false;
        }
        pulls.commit(stream, work, null, null, List.of(entry.id()), run);
        return true;
    }
}
