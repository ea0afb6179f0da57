package br.dev.sync.examples.customstore;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineQuery;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.ApplyResult;
import br.dev.sync.core.spi.Marker;
import br.dev.sync.core.spi.OutboxEntry;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import br.dev.sync.core.spi.StoredRecord;
import br.dev.sync.core.spi.SyncStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A custom store, the worked example of docs/spi-guide.md: it keeps an audit trail of every change a committed page carried
 * (what the ERP's "who changed this record" screen shows), on top of any other store.
 *
 * <p>The trail entry of a page is recorded inside the page's own transaction, through
 * {@link ApplyBatch#beforeCommit()}: if the page rolls back, its trail entries are discarded too. The store passes
 * the store contract kit ({@code AuditTrailStoreTest}).
 *
 * <p>Thread-safe when the wrapped store is.
 */
public final class AuditTrailStore implements SyncStore {
    /** One line of the trail. */
    public record Entry(String stream, String key, long version, String operation, String origin, Instant at) {}

    private final SyncStore delegate;
    private final Clock clock;
    private final List<Entry> trail = Collections.synchronizedList(new ArrayList<>());

    public AuditTrailStore(SyncStore delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    /** The trail so far, oldest first. */
    public List<Entry> trail() {
        synchronized (trail) {
            return List.copyOf(trail);
        }
    }

    @Override
    public ApplyResult apply(ApplyBatch batch) {
        List<Entry> pending = new ArrayList<>();
        Runnable hostHook = batch.beforeCommit();
        ApplyBatch audited = batch.withBeforeCommit(() -> {
            if (hostHook != null) {
                hostHook.run();
            }
            Instant now = clock.instant();
            for (Change c : batch.changes()) {
                pending.add(new Entry(c.stream(), c.key(), c.version(), c.op().name(), c.origin(), now));
            }
        });
        ApplyResult result = delegate.apply(audited);
        trail.addAll(pending);
        return result;
    }

    // Everything else is the wrapped store's.

    @Override
    public Optional<String> checkpoint(CheckpointId id) {
        return delegate.checkpoint(id);
    }

    @Override
    public Map<String, StoredRecord> read(String stream, Collection<String> keys) {
        return delegate.read(stream, keys);
    }

    @Override
    public void scan(String stream, Consumer<StoredRecord> each) {
        delegate.scan(stream, each);
    }

    @Override
    public Map<String, Map<String, Object>> baselines(String stream, Collection<String> keys) {
        return delegate.baselines(stream, keys);
    }

    @Override
    public long append(Change change) {
        return delegate.append(change);
    }

    @Override
    public Map<String, OutboxEntry> pendingFor(String stream, Collection<String> keys) {
        return delegate.pendingFor(stream, keys);
    }

    @Override
    public long pendingCount(String stream) {
        return delegate.pendingCount(stream);
    }

    @Override
    public boolean hasPending(String stream) {
        return delegate.hasPending(stream);
    }

    @Override
    public PushBatch claimBatch(String stream, int limit, Supplier<String> newBatchId) {
        return delegate.claimBatch(stream, limit, newBatchId);
    }

    @Override
    public void acknowledge(PushBatch batch, List<PushAck> acks, List<QuarantineEntry> rejected) {
        delegate.acknowledge(batch, acks, rejected);
    }

    @Override
    public List<QuarantineEntry> quarantined(QuarantineQuery query) {
        return delegate.quarantined(query);
    }

    @Override
    public Optional<QuarantineEntry> quarantined(long id) {
        return delegate.quarantined(id);
    }

    @Override
    public void requarantine(QuarantineEntry updated) {
        delegate.requarantine(updated);
    }

    @Override
    public boolean deleteQuarantined(long id) {
        return delegate.deleteQuarantined(id);
    }

    @Override
    public long quarantineCount(String stream) {
        return delegate.quarantineCount(stream);
    }

    @Override
    public void recordRun(SyncReport report) {
        delegate.recordRun(report);
    }

    @Override
    public List<SyncReport> recentRuns(int limit) {
        return delegate.recentRuns(limit);
    }

    @Override
    public boolean tryLease(String name, String holder, Duration ttl) {
        return delegate.tryLease(name, holder, ttl);
    }

    @Override
    public void releaseLease(String name, String holder) {
        delegate.releaseLease(name, holder);
    }

    @Override
    public void putMarker(Marker marker) {
        delegate.putMarker(marker);
    }

    @Override
    public Optional<Marker> marker(String kind, String key) {
        return delegate.marker(kind, key);
    }

    @Override
    public List<Marker> markers(String kind) {
        return delegate.markers(kind);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
