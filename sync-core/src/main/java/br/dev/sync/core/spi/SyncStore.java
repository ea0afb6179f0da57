package br.dev.sync.core.spi;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineQuery;
import br.dev.sync.core.SyncReport;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a node keeps its synced records and the sync's own state: checkpoints, outbox, quarantine, run log,
 * leases and markers. The contract test kit in sync-core's test-jar ({@code SyncStoreContract}) defines a correct
 * store; every implementation must pass it.
 *
 * <p>The promises a store carries: {@link #apply} is one transaction (changes, quarantine, outbox updates,
 * markers and checkpoint commit together or not at all); applying the same batch twice changes nothing; a change
 * never overwrites a newer version; the outbox is read in sequence; a lease has one holder at a time and expires.
 * Failures are {@link br.dev.sync.core.StoreException} (or {@link br.dev.sync.core.LockTimeoutException} when a
 * lock held by another session timed out), never a driver's exception.
 *
 * <p>Implementations must be thread-safe.
 */
public interface SyncStore extends AutoCloseable {

    // ---- records and checkpoints

    /** Applies a page in one transaction; see {@link ApplyBatch}. */
    ApplyResult apply(ApplyBatch batch);

    Optional<String> checkpoint(CheckpointId id);

    /** The stored records of these keys (tombstones included), by key; keys not stored are absent. */
    Map<String, StoredRecord> read(String stream, Collection<String> keys);

    /** Every stored record of a stream that is not a tombstone, in key order, handed one by one. */
    void scan(String stream, Consumer<StoredRecord> each);

    /** The last synced copy of these keys' fields, for streams applied with {@code keepBaseline}. */
    Map<String, Map<String, Object>> baselines(String stream, Collection<String> keys);

    // ---- outbox

    /** Appends a local change to the outbox in its own transaction; answers its sequence. */
    long append(Change change);

    /** Pending outbox entries of these keys, the newest per key. */
    Map<String, OutboxEntry> pendingFor(String stream, Collection<String> keys);

    /** How many entries of the stream wait to go up. */
    long pendingCount(String stream);

    /**
     * Whether any entry of the stream waits to go up. The engine asks it for every page it pulls, to skip the
     * conflict check when nothing is pending, so a store should answer it without counting the whole outbox.
     */
    default boolean hasPending(String stream) {
        return pendingCount(stream) > 0;
    }

    /**
     * The batch to send next for a stream: if a batch was claimed and not acknowledged, the same batch (same id,
     * same entries); else up to {@code limit} pending entries in sequence under a new id made by
     * {@code newBatchId}. Empty when nothing is pending.
     */
    PushBatch claimBatch(String stream, int limit, java.util.function.Supplier<String> newBatchId);

    /**
     * Settles a claimed batch in one transaction: accepted and duplicate entries leave the outbox, rejected ones
     * leave it for the quarantine (entries given in {@code rejected}); entries without an acknowledgement stay
     * pending and the batch is released.
     */
    void acknowledge(PushBatch batch, List<PushAck> acks, List<QuarantineEntry> rejected);

    // ---- quarantine

    List<QuarantineEntry> quarantined(QuarantineQuery query);

    Optional<QuarantineEntry> quarantined(long id);

    /** Records another failed try of an entry (new reason, attempts + 1). */
    void requarantine(QuarantineEntry updated);

    boolean deleteQuarantined(long id);

    long quarantineCount(String stream);

    // ---- run log

    void recordRun(SyncReport report);

    /** The newest runs first. */
    List<SyncReport> recentRuns(int limit);

    // ---- leases

    /** Takes the lease if it is free, expired, or already this holder's (then it is renewed). */
    boolean tryLease(String name, String holder, Duration ttl);

    void releaseLease(String name, String holder);

    // ---- markers

    void putMarker(Marker marker);

    Optional<Marker> marker(String kind, String key);

    List<Marker> markers(String kind);

    @Override
    default void close() {}
}
