package br.dev.sync.core.memory;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineQuery;
import br.dev.sync.core.StoreException;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The reference store: everything in memory, nothing survives the process. For tests, examples and as the model
 * an integrator's store is compared with; it passes the store contract kit.
 *
 * <p>Thread-safe: every operation holds one lock, and {@link #apply} changes nothing unless all of it succeeds.
 */
public final class InMemorySyncStore implements SyncStore {
    private final Clock clock;
    private final Map<String, TreeMap<String, StoredRecord>> records = new HashMap<>();
    private final Map<String, Map<String, Map<String, Object>>> baselines = new HashMap<>();
    private final Map<CheckpointId, String> checkpoints = new HashMap<>();
    private final TreeMap<Long, OutboxEntry> outbox = new TreeMap<>();
    private final Map<String, PushBatch> claimed = new HashMap<>();
    private final TreeMap<Long, QuarantineEntry> quarantine = new TreeMap<>();
    private final Deque<SyncReport> runs = new ArrayDeque<>();
    private final Map<String, Lease> leases = new HashMap<>();
    private final Map<String, Map<String, Marker>> markers = new HashMap<>();
    private long nextSequence = 1;
    private long nextQuarantineId = 1;

    private record Lease(String holder, Instant expires) {}

    public InMemorySyncStore() {
        this(Clock.systemUTC());
    }

    public InMemorySyncStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized ApplyResult apply(ApplyBatch batch) {
        TreeMap<String, StoredRecord> table = records.getOrDefault(batch.stream(), new TreeMap<>());
        Map<String, StoredRecord> writes = new LinkedHashMap<>();
        int unchanged = 0;
        for (Change c : batch.changes()) {
            if (!c.stream().equals(batch.stream())) {
                throw new StoreException(
                        "change of stream " + c.stream() + " key " + c.key() + " in a batch of " + batch.stream());
            }
            StoredRecord current = writes.containsKey(c.key()) ? writes.get(c.key()) : table.get(c.key());
            if (current != null && current.version() >= c.version()) {
                unchanged++;
            } else {
                writes.put(c.key(), new StoredRecord(c.key(), c.version(), c.isDelete(), c.fields()));
            }
        }
        if (batch.beforeCommit() != null) {
            try {
                batch.beforeCommit().run();
            } catch (RuntimeException e) {
                throw new StoreException("the page of " + batch.stream() + " was rolled back: " + e.getMessage(), e);
            }
        }
        // Nothing has changed so far; from here on nothing can fail.
        TreeMap<String, StoredRecord> target = records.computeIfAbsent(batch.stream(), s -> new TreeMap<>());
        target.putAll(writes);
        if (batch.keepBaseline()) {
            Map<String, Map<String, Object>> base = baselines.computeIfAbsent(batch.stream(), s -> new HashMap<>());
            writes.values().forEach(r -> base.put(r.key(), r.fields()));
        }
        List<Long> ids = new ArrayList<>();
        for (QuarantineEntry q : batch.quarantine()) {
            ids.add(keep(q));
        }
        batch.releasedQuarantine().forEach(quarantine::remove);
        batch.dropOutbox().forEach(seq -> settleThrough(seq, true));
        batch.rewriteOutbox().forEach((seq, change) -> {
            settleThrough(seq, false);
            outbox.computeIfPresent(seq, (k, old) -> new OutboxEntry(seq, change));
        });
        batch.markers().forEach(this::putMarkerLocked);
        batch.append().forEach(this::appendLocked);
        if (batch.checkpoint() != null && batch.cursor() != null) {
            checkpoints.put(batch.checkpoint(), batch.cursor());
        }
        return new ApplyResult(writes.size(), unchanged, ids);
    }

    /** Stores an entry, or counts one more attempt on the entry already kept for the same record. */
    private long keep(QuarantineEntry q) {
        for (QuarantineEntry existing : quarantine.values()) {
            if (existing.sameRecordAs(q)) {
                quarantine.put(existing.id(), existing.failedAgain(q.reason(), q.lastAttempt()));
                return existing.id();
            }
        }
        long id = nextQuarantineId++;
        quarantine.put(id, q.withId(id));
        return id;
    }

    @Override
    public synchronized Optional<String> checkpoint(CheckpointId id) {
        return Optional.ofNullable(checkpoints.get(id));
    }

    @Override
    public synchronized Map<String, StoredRecord> read(String stream, Collection<String> keys) {
        TreeMap<String, StoredRecord> table = records.getOrDefault(stream, new TreeMap<>());
        Map<String, StoredRecord> out = new LinkedHashMap<>();
        keys.forEach(k -> {
            StoredRecord r = table.get(k);
            if (r != null) {
                out.put(k, r);
            }
        });
        return out;
    }

    @Override
    public void scan(String stream, Consumer<StoredRecord> each) {
        List<StoredRecord> copy;
        synchronized (this) {
            copy = records.getOrDefault(stream, new TreeMap<>()).values().stream()
                    .filter(r -> !r.deleted())
                    .toList();
        }
        copy.forEach(each);
    }

    @Override
    public synchronized Map<String, Map<String, Object>> baselines(String stream, Collection<String> keys) {
        Map<String, Map<String, Object>> base = baselines.getOrDefault(stream, Map.of());
        Map<String, Map<String, Object>> out = new HashMap<>();
        keys.forEach(k -> {
            if (base.containsKey(k)) {
                out.put(k, base.get(k));
            }
        });
        return out;
    }

    @Override
    public synchronized long append(Change change) {
        return appendLocked(change);
    }

    /** Removes the earlier entries of the key of the entry at {@code seq}, and that entry too when asked. */
    private void settleThrough(long seq, boolean inclusive) {
        OutboxEntry settled = outbox.get(seq);
        if (settled == null) {
            return;
        }
        String stream = settled.change().stream();
        String key = settled.change().key();
        outbox.headMap(seq, inclusive)
                .values()
                .removeIf(e ->
                        e.change().stream().equals(stream) && e.change().key().equals(key));
    }

    private long appendLocked(Change change) {
        long seq = nextSequence++;
        outbox.put(seq, new OutboxEntry(seq, change));
        return seq;
    }

    @Override
    public synchronized Map<String, OutboxEntry> pendingFor(String stream, Collection<String> keys) {
        Set<String> wanted = Set.copyOf(keys);
        Map<String, OutboxEntry> out = new HashMap<>();
        for (OutboxEntry e : outbox.values()) {
            if (e.change().stream().equals(stream) && wanted.contains(e.change().key())) {
                out.put(e.change().key(), e);
            }
        }
        return out;
    }

    @Override
    public synchronized boolean hasPending(String stream) {
        return outbox.values().stream().anyMatch(e -> e.change().stream().equals(stream));
    }

    @Override
    public synchronized long pendingCount(String stream) {
        return outbox.values().stream()
                .filter(e -> e.change().stream().equals(stream))
                .count();
    }

    @Override
    public synchronized PushBatch claimBatch(String stream, int limit, Supplier<String> newBatchId) {
        PushBatch open = claimed.get(stream);
        if (open != null) {
            return open;
        }
        List<OutboxEntry> entries = outbox.values().stream()
                .filter(e -> e.change().stream().equals(stream))
                .limit(limit)
                .toList();
        if (entries.isEmpty()) {
            return new PushBatch("", stream, List.of());
        }
        PushBatch batch = new PushBatch(newBatchId.get(), stream, entries);
        claimed.put(stream, batch);
        return batch;
    }

    @Override
    public synchronized void acknowledge(PushBatch batch, List<PushAck> acks, List<QuarantineEntry> rejected) {
        PushBatch open = claimed.get(batch.stream());
        if (open == null || !open.id().equals(batch.id())) {
            throw new StoreException("batch " + batch.id() + " of " + batch.stream()
                    + " is not the claimed batch; it was settled already");
        }
        acks.forEach(a -> outbox.remove(a.sequence()));
        rejected.forEach(this::keep);
        claimed.remove(batch.stream());
    }

    @Override
    public synchronized List<QuarantineEntry> quarantined(QuarantineQuery query) {
        return quarantine.values().stream()
                .filter(query::matches)
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized Optional<QuarantineEntry> quarantined(long id) {
        return Optional.ofNullable(quarantine.get(id));
    }

    @Override
    public synchronized void requarantine(QuarantineEntry updated) {
        if (quarantine.containsKey(updated.id())) {
            quarantine.put(updated.id(), updated);
        }
    }

    @Override
    public synchronized boolean deleteQuarantined(long id) {
        return quarantine.remove(id) != null;
    }

    @Override
    public synchronized long quarantineCount(String stream) {
        return quarantine.values().stream()
                .filter(q -> stream == null || q.stream().equals(stream))
                .count();
    }

    @Override
    public synchronized void recordRun(SyncReport report) {
        runs.addFirst(report);
        while (runs.size() > 1000) {
            runs.removeLast();
        }
    }

    @Override
    public synchronized List<SyncReport> recentRuns(int limit) {
        return runs.stream().limit(limit).toList();
    }

    @Override
    public synchronized boolean tryLease(String name, String holder, Duration ttl) {
        Instant now = clock.instant();
        Lease current = leases.get(name);
        if (current != null
                && !current.holder().equals(holder)
                && current.expires().isAfter(now)) {
            return false;
        }
        leases.put(name, new Lease(holder, now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized void releaseLease(String name, String holder) {
        Lease current = leases.get(name);
        if (current != null && current.holder().equals(holder)) {
            leases.remove(name);
        }
    }

    @Override
    public synchronized void putMarker(Marker marker) {
        putMarkerLocked(marker);
    }

    private void putMarkerLocked(Marker marker) {
        markers.computeIfAbsent(marker.kind(), k -> new TreeMap<>()).put(marker.key(), marker);
    }

    @Override
    public synchronized Optional<Marker> marker(String kind, String key) {
        return Optional.ofNullable(markers.getOrDefault(kind, Map.of()).get(key));
    }

    @Override
    public synchronized List<Marker> markers(String kind) {
        return List.copyOf(markers.getOrDefault(kind, Map.of()).values());
    }

    /** Every live record of a stream as key to fields, for tests and examples. */
    public synchronized Map<String, Map<String, Object>> snapshot(String stream) {
        return records.getOrDefault(stream, new TreeMap<>()).values().stream()
                .filter(r -> !r.deleted())
                .collect(Collectors.toMap(StoredRecord::key, StoredRecord::fields, (a, b) -> a, TreeMap::new));
    }
}
