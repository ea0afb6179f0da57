package br.dev.sync.core.internal.align;

import br.dev.sync.core.Change;
import br.dev.sync.core.Difference;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.StepContext;
import br.dev.sync.core.SyncException;
import br.dev.sync.core.SyncStream;
import br.dev.sync.core.TransportException;
import br.dev.sync.core.Window;
import br.dev.sync.core.internal.engine.RecordPipeline;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.ApplyResult;
import br.dev.sync.core.spi.Page;
import br.dev.sync.core.spi.PageRequest;
import br.dev.sync.core.spi.StoredRecord;
import br.dev.sync.core.spi.SyncTransport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of an align step: compare page by page, write the origin's values, then remove what the origin lacks. */
public final class AlignRun<T> {
    private static final Logger LOG = LoggerFactory.getLogger(AlignRun.class);

    /** What the public {@code Align} collected. */
    public record Settings<T>(
            SyncStream<T> stream,
            SyncTransport origin,
            String partition,
            Window window,
            int pageSize,
            boolean dryRun,
            Predicate<StoredRecord> scope,
            Set<String> ignoredFields) {}

    private record Local(String key, long version) {}

    private final Settings<T> s;
    private final StepContext ctx;
    private final String stream;
    private final Set<String> originKeys = new HashSet<>();
    private int keylessRejects;
    private int rejects;

    public AlignRun(Settings<T> settings, StepContext ctx) {
        this.s = settings;
        this.ctx = ctx;
        this.stream = settings.stream().name();
    }

    public void run() {
        String cursor = null;
        long done = 0;
        Page page;
        do {
            page = fetch(cursor);
            comparePage(page.records());
            done += page.records().size();
            ctx.progress(done, page.total());
            if (page.hasMore() && page.records().isEmpty() && Objects.equals(page.nextCursor(), cursor)) {
                throw new TransportException(
                        s.origin().name() + " answered an empty page of " + stream + " that says more follow but"
                                + " gives no new cursor (" + cursor + "); stopping the align to avoid a loop",
                        null);
            }
            cursor = page.nextCursor();
        } while (page.hasMore());
        if (rejects > 0) {
            LOG.warn(
                    "align of {}{}: {} origin records could not be read{}",
                    stream,
                    where(),
                    rejects,
                    s.dryRun() ? " (dry run: not quarantined)" : " and were quarantined");
        }
        if (keylessRejects > 0) {
            throw new SyncException(keylessRejects + " origin record(s) of " + stream + where()
                    + " could not be read far enough to know their key, so rows the origin still has cannot be told"
                    + " from rows it dropped: no local row was " + (s.dryRun() ? "reported as removed" : "removed")
                    + ". See the quarantine for the records and why, fix them at "
                    + s.origin().name() + " and align again.");
        }
        removeWhatTheOriginLacks();
    }

    private Page fetch(String cursor) {
        Page page = s.origin().fetch(new PageRequest(stream, s.partition(), s.window(), cursor, s.pageSize()));
        if (page == null) {
            throw new TransportException(s.origin().name() + " answered no page for " + stream + where(), null);
        }
        ctx.received(page.records().size());
        return page;
    }

    private void comparePage(List<String> raws) {
        Map<String, Change> byKey = new LinkedHashMap<>();
        var now = ctx.clock().instant();
        for (String raw : raws) {
            RecordPipeline.Outcome outcome = RecordPipeline.process(
                    s.stream(), raw, s.partition(), s.origin().name(), now);
            if (outcome.rejected() != null) {
                rejected(outcome.rejected());
            } else {
                byKey.merge(outcome.change().key(), outcome.change(), (a, b) -> b.version() >= a.version() ? b : a);
            }
        }
        originKeys.addAll(byKey.keySet());
        Map<String, StoredRecord> local =
                byKey.isEmpty() ? Map.of() : ctx.store().read(stream, byKey.keySet());
        List<Change> writes = new ArrayList<>();
        long same = 0;
        for (Change origin : byKey.values()) {
            Change write = compare(origin, local.get(origin.key()));
            if (write == null) {
                same++;
            } else {
                writes.add(write);
            }
        }
        write(writes, same);
    }

    /** Reports how the row differs and answers the change to write, or null when it does not. */
    private Change compare(Change origin, StoredRecord local) {
        boolean live = local != null && !local.deleted();
        long version = local == null ? origin.version() : Math.max(origin.version(), local.version() + 1);
        if (origin.isDelete()) {
            if (!live) {
                return null;
            }
            ctx.difference(new Difference(stream, origin.key(), Difference.Kind.REMOVED, null, null, null));
            return Change.delete(stream, origin.key(), version, origin.origin());
        }
        if (!live) {
            ctx.difference(new Difference(stream, origin.key(), Difference.Kind.ADDED, null, null, null));
            return origin.with(origin.fields(), version);
        }
        List<Difference> changed =
                FieldDiff.changed(stream, origin.key(), local.fields(), origin.fields(), s.ignoredFields());
        if (changed.isEmpty()) {
            return null;
        }
        changed.forEach(ctx::difference);
        return origin.with(origin.fields(), version);
    }

    private void rejected(QuarantineEntry entry) {
        rejects++;
        if (entry.key() == null) {
            keylessRejects++;
        } else {
            originKeys.add(entry.key());
        }
        if (!s.dryRun()) {
            ctx.quarantine(entry);
        }
    }

    private void removeWhatTheOriginLacks() {
        List<Local> gone = new ArrayList<>();
        ctx.store().scan(stream, row -> {
            if (!originKeys.contains(row.key()) && s.scope().test(row)) {
                gone.add(new Local(row.key(), row.version()));
            }
        });
        List<Change> batch = new ArrayList<>();
        for (Local row : gone) {
            ctx.difference(new Difference(stream, row.key(), Difference.Kind.REMOVED, null, null, null));
            batch.add(Change.delete(
                    stream, row.key(), row.version() + 1, s.origin().name()));
            if (batch.size() == s.pageSize()) {
                write(batch, 0);
                batch = new ArrayList<>();
            }
        }
        write(batch, 0);
    }

    private void write(List<Change> changes, long same) {
        if (s.dryRun() || changes.isEmpty()) {
            ctx.unchanged(same);
            return;
        }
        boolean baseline = s.stream().conflictResolver().needsBaseline();
        ApplyResult result = ctx.store()
                .apply(new ApplyBatch(
                        stream, changes, List.of(), List.of(), List.of(), Map.of(), List.of(), null, null, baseline,
                        null));
        ctx.applied(result.applied());
        ctx.unchanged(same + result.unchanged());
    }

    private String where() {
        return s.partition().isEmpty() ? "" : " partition " + s.partition();
    }
}
