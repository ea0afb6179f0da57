package br.dev.sync.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineQuery;
import br.dev.sync.core.QuarantineStage;
import br.dev.sync.core.StepReport;
import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncException;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.ApplyResult;
import br.dev.sync.core.spi.Marker;
import br.dev.sync.core.spi.OutboxEntry;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import br.dev.sync.core.spi.StoredRecord;
import br.dev.sync.core.spi.SyncStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The definition of a correct {@link SyncStore}. Extend it, make {@link #newStore()} answer an empty store, and
 * run it: every shipped store passes it, and an integrator's must too.
 *
 * <p>The stream used is {@link #STREAM}; its records have the fields {@code name} (text up to 60 characters),
 * {@code price} (decimal) and {@code qty} (integer). A store that maps streams to tables must map this one (see
 * {@link #fields(String, String, int)}).
 */
public abstract class SyncStoreContract {
    public static final String STREAM = "contract-items";
    protected SyncStore store;

    /** An empty store for one test; it is closed after the test. */
    protected abstract SyncStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    public static Map<String, Object> fields(String name, String price, int qty) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("price", new BigDecimal(price));
        f.put("qty", qty);
        return f;
    }

    protected static Change item(String key, long version, String name) {
        return Change.upsert(STREAM, key, version, fields(name, "10.50", 1), "remote");
    }

    private static CheckpointId cp() {
        return new CheckpointId("node-a", STREAM, "", "");
    }

    private static QuarantineEntry bad(String key, String reason) {
        return QuarantineEntry.of(
                STREAM,
                key,
                "",
                QuarantineStage.VALIDATE,
                reason,
                "{\"id\":\"" + key + "\"}",
                3,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private String name(String key) {
        StoredRecord r = store.read(STREAM, List.of(key)).get(key);
        return r == null ? null : (String) r.fields().get("name");
    }

    @Test
    void applyWritesRecordsWithTheirVersionsAndFields() {
        ApplyResult r = store.apply(ApplyBatch.of(STREAM, List.of(item("k1", 1, "one"), item("k2", 5, "two"))));

        assertThat(r.applied()).isEqualTo(2);
        assertThat(r.unchanged()).isZero();
        Map<String, StoredRecord> read = store.read(STREAM, List.of("k1", "k2", "absent"));
        assertThat(read).containsOnlyKeys("k1", "k2");
        assertThat(read.get("k2").version()).isEqualTo(5);
        assertThat(read.get("k2").deleted()).isFalse();
        assertThat(read.get("k2").fields().get("name")).isEqualTo("two");
        assertThat(new BigDecimal(read.get("k2").fields().get("price").toString()))
                .isEqualByComparingTo("10.50");
        assertThat(((Number) read.get("k2").fields().get("qty")).intValue()).isEqualTo(1);
    }

    @Test
    void applyingTheSameBatchTwiceChangesNothing() {
        ApplyBatch batch = ApplyBatch.of(STREAM, List.of(item("k1", 1, "one"), item("k2", 2, "two")), cp(), "c1");
        store.apply(batch);
        ApplyResult again = store.apply(batch);

        assertThat(again.applied()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(store.read(STREAM, List.of("k1", "k2"))).hasSize(2);
        assertThat(store.checkpoint(cp())).contains("c1");
    }

    @Test
    void aNewerVersionWinsAndAnOlderOrEqualOneIsIgnored() {
        store.apply(ApplyBatch.of(STREAM, List.of(item("k1", 5, "v5"))));

        ApplyResult older = store.apply(ApplyBatch.of(STREAM, List.of(item("k1", 4, "v4"))));
        ApplyResult equal = store.apply(ApplyBatch.of(STREAM, List.of(item("k1", 5, "other v5"))));
        assertThat(older.unchanged()).isEqualTo(1);
        assertThat(equal.unchanged()).isEqualTo(1);
        assertThat(name("k1")).isEqualTo("v5");

        ApplyResult newer = store.apply(ApplyBatch.of(STREAM, List.of(item("k1", 6, "v6"))));
        assertThat(newer.applied()).isEqualTo(1);
        assertThat(name("k1")).isEqualTo("v6");
        assertThat(store.read(STREAM, List.of("k1")).get("k1").version()).isEqualTo(6);
    }

    @Test
    void aDeleteLeavesAVersionedTombstoneThatAnOlderUpsertCannotUndo() {
        store.apply(ApplyBatch.of(STREAM, List.of(item("k1", 1, "one"))));
        store.apply(ApplyBatch.of(STREAM, List.of(Change.delete(STREAM, "k1", 3, "remote"))));

        assertThat(store.read(STREAM, List.of("k1")).get("k1").deleted()).isTrue();
        ApplyResult late = store.apply(ApplyBatch.of(STREAM, List.of(item("k1", 2, "late"))));
        assertThat(late.unchanged()).isEqualTo(1);
        assertThat(store.read(STREAM, List.of("k1")).get("k1").deleted()).isTrue();
        List<String> live = new ArrayList<>();
        store.scan(STREAM, r -> live.add(r.key()));
        assertThat(live).isEmpty();

        store.apply(ApplyBatch.of(STREAM, List.of(item("k1", 4, "back"))));
        assertThat(store.read(STREAM, List.of("k1")).get("k1").deleted()).isFalse();
        assertThat(name("k1")).isEqualTo("back");
    }

    @Test
    void theCheckpointCommitsWithItsPageAndAFailureInsideTheTransactionLeavesNeither() {
        store.apply(ApplyBatch.of(STREAM, List.of(item("k1", 1, "one")), cp(), "c1"));
        ApplyBatch failing = new ApplyBatch(
                        STREAM,
                        List.of(item("k1", 2, "two"), item("k2", 1, "new")),
                        List.of(bad("k9", "invalid")),
                        List.of(),
                        List.of(),
                        Map.of(),
                        List.of(new Marker("m", "k", "v", Instant.now())),
                        cp(),
                        "c2",
                        false,
                        null)
                .withBeforeCommit(() -> {
                    throw new IllegalStateException("crash before commit");
                });

        assertThatThrownBy(() -> store.apply(failing)).isInstanceOf(SyncException.class);

        assertThat(store.checkpoint(cp())).contains("c1");
        assertThat(name("k1")).isEqualTo("one");
        assertThat(store.read(STREAM, List.of("k2"))).isEmpty();
        assertThat(store.quarantineCount(STREAM)).isZero();
        assertThat(store.marker("m", "k")).isEmpty();
    }

    @Test
    void beforeCommitRunsInsideASuccessfulApply() {
        AtomicInteger calls = new AtomicInteger();
        store.apply(ApplyBatch.of(STREAM, List.of(item("k1", 1, "one")), cp(), "c1")
                .withBeforeCommit(calls::incrementAndGet));
        assertThat(calls).hasValue(1);
        assertThat(store.checkpoint(cp())).contains("c1");
    }

    @Test
    void aRecordKeptAndQueuedInOneBatchIsBothOrNeither() {
        Change sale = item("s1", 1, "sale");
        ApplyBatch failing = ApplyBatch.of(STREAM, List.of(sale))
                .withAppend(List.of(sale))
                .withBeforeCommit(() -> {
                    throw new IllegalStateException("crash before commit");
                });
        assertThatThrownBy(() -> store.apply(failing)).isInstanceOf(SyncException.class);
        assertThat(store.read(STREAM, List.of("s1"))).isEmpty();
        assertThat(store.pendingCount(STREAM)).isZero();

        store.apply(ApplyBatch.of(STREAM, List.of(sale)).withAppend(List.of(sale)));

        assertThat(name("s1")).isEqualTo("sale");
        Change queued = store.pendingFor(STREAM, List.of("s1")).get("s1").change();
        assertThat(queued.version()).isEqualTo(1);
        assertThat(queued.fields().get("name")).isEqualTo("sale");
    }

    @Test
    void checkpointsAreKeptPerNodeStreamPartitionAndWindow() {
        CheckpointId a = new CheckpointId("node-a", STREAM, "0001", "");
        CheckpointId b = new CheckpointId("node-a", STREAM, "0002", "");
        CheckpointId w = new CheckpointId("node-a", STREAM, "0001", "2026-11-01..2026-11-02");
        CheckpointId n = new CheckpointId("node-b", STREAM, "0001", "");
        store.apply(ApplyBatch.of(STREAM, List.of(), a, "ca"));
        store.apply(ApplyBatch.of(STREAM, List.of(), b, "cb"));
        store.apply(ApplyBatch.of(STREAM, List.of(), w, "cw"));

        assertThat(store.checkpoint(a)).contains("ca");
        assertThat(store.checkpoint(b)).contains("cb");
        assertThat(store.checkpoint(w)).contains("cw");
        assertThat(store.checkpoint(n)).isEmpty();
        store.apply(ApplyBatch.of(STREAM, List.of(), a, "ca2"));
        assertThat(store.checkpoint(a)).contains("ca2");
    }

    @Test
    void hasPendingSaysWhetherAStreamHasEntriesWaitingAndOnlyThatStream() {
        assertThat(store.hasPending(STREAM)).isFalse();
        long seq = store.append(item("k1", 1, "one"));
        store.append(Change.upsert("another-stream", "x", 1, Map.of("name", "x"), "local"));

        assertThat(store.hasPending(STREAM)).isTrue();
        assertThat(store.hasPending("a-stream-with-nothing")).isFalse();
        PushBatch batch = store.claimBatch(STREAM, 10, () -> "b1");
        assertThat(store.hasPending(STREAM)).as("claimed, not yet acknowledged").isTrue();
        store.acknowledge(batch, List.of(PushAck.accepted(seq)), List.of());
        assertThat(store.hasPending(STREAM)).isFalse();
        assertThat(store.hasPending("another-stream")).isTrue();
    }

    @Test
    void theOutboxIsReadInSequenceAndABatchIsClaimedAgainUntilAcknowledged() {
        long s1 = store.append(item("k1", 1, "one"));
        long s2 = store.append(item("k2", 1, "two"));
        long s3 = store.append(item("k3", 1, "three"));
        assertThat(s1).isLessThan(s2);
        assertThat(s2).isLessThan(s3);
        assertThat(store.pendingCount(STREAM)).isEqualTo(3);

        AtomicInteger ids = new AtomicInteger();
        PushBatch first = store.claimBatch(STREAM, 2, () -> "batch-" + ids.incrementAndGet());
        assertThat(first.id()).isEqualTo("batch-1");
        assertThat(first.entries()).extracting(OutboxEntry::sequence).containsExactly(s1, s2);

        PushBatch resent = store.claimBatch(STREAM, 2, () -> "batch-" + ids.incrementAndGet());
        assertThat(resent.id()).isEqualTo("batch-1");
        assertThat(resent.entries()).extracting(OutboxEntry::sequence).containsExactly(s1, s2);

        store.acknowledge(first, List.of(PushAck.accepted(s1), PushAck.duplicate(s2)), List.of());
        assertThat(store.pendingCount(STREAM)).isEqualTo(1);
        PushBatch next = store.claimBatch(STREAM, 2, () -> "batch-" + ids.incrementAndGet());
        assertThat(next.id()).isEqualTo("batch-2");
        assertThat(next.entries()).extracting(OutboxEntry::sequence).containsExactly(s3);
        assertThat(next.entries().get(0).change().fields().get("name")).isEqualTo("three");
    }

    @Test
    void aRejectedPushLeavesTheOutboxForTheQuarantineAndUnacknowledgedEntriesStay() {
        long s1 = store.append(item("k1", 1, "one"));
        long s2 = store.append(item("k2", 1, "two"));
        long s3 = store.append(item("k3", 1, "three"));
        PushBatch batch = store.claimBatch(STREAM, 10, () -> "b1");
        QuarantineEntry rejected = QuarantineEntry.of(
                STREAM,
                "k2",
                "",
                QuarantineStage.PUSH,
                "unknown client",
                "{}",
                1,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));

        store.acknowledge(
                batch, List.of(PushAck.accepted(s1), PushAck.rejected(s2, "unknown client")), List.of(rejected));

        assertThat(store.pendingCount(STREAM)).isEqualTo(1);
        assertThat(store.pendingFor(STREAM, List.of("k1", "k2", "k3"))).containsOnlyKeys("k3");
        assertThat(store.pendingFor(STREAM, List.of("k3")).get("k3").sequence()).isEqualTo(s3);
        List<QuarantineEntry> q = store.quarantined(QuarantineQuery.stream(STREAM));
        assertThat(q).hasSize(1);
        assertThat(q.get(0).key()).isEqualTo("k2");
        assertThat(q.get(0).stage()).isEqualTo(QuarantineStage.PUSH);
        assertThat(q.get(0).reason()).isEqualTo("unknown client");
        PushBatch next = store.claimBatch(STREAM, 10, () -> "b2");
        assertThat(next.id()).isEqualTo("b2");
        assertThat(next.entries()).extracting(OutboxEntry::sequence).containsExactly(s3);
    }

    @Test
    void pendingForAnswersTheNewestEntryPerKeyAndDropAndRewriteSettleThem() {
        store.append(item("k1", 1, "first"));
        long s2 = store.append(item("k1", 2, "second"));
        long s3 = store.append(item("k2", 1, "other"));

        Map<String, OutboxEntry> pending = store.pendingFor(STREAM, List.of("k1", "k2"));
        assertThat(pending.get("k1").sequence()).isEqualTo(s2);
        assertThat(pending.get("k1").change().fields().get("name")).isEqualTo("second");

        store.apply(new ApplyBatch(
                STREAM,
                List.of(),
                List.of(),
                List.of(),
                List.of(s3),
                Map.of(s2, item("k1", 7, "merged")),
                List.of(),
                null,
                null,
                false,
                null));
        assertThat(store.pendingFor(STREAM, List.of("k2"))).isEmpty();
        OutboxEntry rewritten = store.pendingFor(STREAM, List.of("k1")).get("k1");
        assertThat(rewritten.sequence()).isEqualTo(s2);
        assertThat(rewritten.change().version()).isEqualTo(7);
        assertThat(rewritten.change().fields().get("name")).isEqualTo("merged");
        // the merge result supersedes the key's earlier entry ("first"): only the rewritten one is left
        assertThat(store.pendingCount(STREAM)).isEqualTo(1);
    }

    @Test
    void droppingAnEntrySettlesTheEarlierEntriesOfItsKeyOnly() {
        String other = STREAM + "-other";
        store.append(item("k1", 1, "first"));
        long second = store.append(item("k1", 2, "second"));
        long otherKey = store.append(item("k2", 1, "other key"));
        long otherStream = store.append(Change.upsert(other, "k1", 1, fields("other stream", "2.00", 2), "local"));
        // appended after the engine read the newest entry of k1: not settled by dropping "second"
        long later = store.append(item("k1", 3, "later"));

        store.apply(settling(List.of(second), Map.of()));

        assertThat(store.pendingCount(STREAM)).isEqualTo(2);
        assertThat(store.pendingFor(STREAM, List.of("k1")).get("k1").sequence()).isEqualTo(later);
        assertThat(store.pendingFor(STREAM, List.of("k2")).get("k2").sequence()).isEqualTo(otherKey);
        assertThat(store.pendingFor(other, List.of("k1")).get("k1").sequence()).isEqualTo(otherStream);
        PushBatch batch = store.claimBatch(STREAM, 10, () -> "b1");
        assertThat(batch.entries()).extracting(OutboxEntry::sequence).containsExactly(otherKey, later);
    }

    @Test
    void rewritingAnEntrySettlesTheEarlierEntriesOfItsKeyAndKeepsTheLaterOnes() {
        store.append(item("k1", 1, "first"));
        long second = store.append(item("k1", 2, "second"));
        long later = store.append(item("k1", 3, "later"));

        store.apply(settling(List.of(), Map.of(second, item("k1", 7, "merged"))));

        PushBatch batch = store.claimBatch(STREAM, 10, () -> "b1");
        assertThat(batch.entries()).extracting(OutboxEntry::sequence).containsExactly(second, later);
        assertThat(batch.entries().get(0).change().fields().get("name")).isEqualTo("merged");
    }

    @Test
    void settlingEntriesThatAreGoneChangesNothing() {
        long gone = store.append(item("k1", 1, "first"));
        long kept = store.append(item("k2", 1, "other key"));
        store.apply(settling(List.of(gone), Map.of()));

        store.apply(settling(List.of(gone, 987_654_321L), Map.of(987_654_322L, item("k9", 1, "never appended"))));

        assertThat(store.pendingCount(STREAM)).isEqualTo(1);
        assertThat(store.pendingFor(STREAM, List.of("k1", "k2", "k9"))).containsOnlyKeys("k2");
        assertThat(store.pendingFor(STREAM, List.of("k2")).get("k2").sequence()).isEqualTo(kept);
    }

    @Test
    void anEntryAlreadyClaimedForAPushStaysInItsBatchWhenALaterOneOfItsKeyIsSettled() {
        long claimed = store.append(item("k1", 1, "first"));
        PushBatch batch = store.claimBatch(STREAM, 10, () -> "b1");
        long second = store.append(item("k1", 2, "second"));

        store.apply(settling(List.of(second), Map.of()));

        // the batch may have reached the server already: it is answered as claimed until acknowledged
        PushBatch again = store.claimBatch(STREAM, 10, () -> "b2");
        assertThat(again.id()).isEqualTo(batch.id());
        assertThat(again.entries()).extracting(OutboxEntry::sequence).containsExactly(claimed);
        store.acknowledge(again, List.of(PushAck.accepted(claimed)), List.of());
        assertThat(store.pendingCount(STREAM)).isZero();
        assertThat(store.claimBatch(STREAM, 10, () -> "b3").entries()).isEmpty();
    }

    /** A batch that only settles outbox entries, as a page whose conflicts all went one way does. */
    private static ApplyBatch settling(List<Long> drop, Map<Long, Change> rewrite) {
        return new ApplyBatch(
                STREAM, List.of(), List.of(), List.of(), drop, rewrite, List.of(), null, null, false, null);
    }

    @Test
    void pendingForAnswersOnlyTheStreamAskedForWhenAnotherHasTheSameKeys() {
        String other = STREAM + "-other";
        long mine = store.append(item("k1", 1, "mine"));
        long theirs = store.append(Change.upsert(other, "k1", 5, fields("theirs", "2.00", 2), "local"));
        store.append(Change.upsert(other, "k9", 1, fields("only theirs", "3.00", 3), "local"));

        Map<String, OutboxEntry> pending = store.pendingFor(STREAM, List.of("k1", "k9"));
        assertThat(pending).containsOnlyKeys("k1");
        assertThat(pending.get("k1").sequence()).isEqualTo(mine);
        assertThat(pending.get("k1").change().stream()).isEqualTo(STREAM);
        assertThat(store.pendingFor(other, List.of("k1")).get("k1").sequence()).isEqualTo(theirs);
        assertThat(store.pendingFor(other, List.of("k1", "k9"))).containsOnlyKeys("k1", "k9");
    }

    @Test
    void quarantineRoundTrip() {
        ApplyResult r = store.apply(
                ApplyBatch.of(STREAM, List.of()).withQuarantine(List.of(bad("k1", "bad cpf"), bad("k2", "bad cep"))));
        assertThat(r.quarantineIds()).hasSize(2);
        long id1 = r.quarantineIds().get(0);
        long id2 = r.quarantineIds().get(1);
        assertThat(id2).isGreaterThan(id1);

        QuarantineEntry e1 = store.quarantined(id1).orElseThrow();
        assertThat(e1.key()).isEqualTo("k1");
        assertThat(e1.reason()).isEqualTo("bad cpf");
        assertThat(e1.raw()).isEqualTo("{\"id\":\"k1\"}");
        assertThat(e1.stage()).isEqualTo(QuarantineStage.VALIDATE);
        assertThat(e1.attempts()).isEqualTo(1);
        assertThat(e1.version()).isEqualTo(3);

        Instant later = e1.lastAttempt().plusSeconds(5);
        store.requarantine(e1.failedAgain("still a bad cpf", later));
        QuarantineEntry again = store.quarantined(id1).orElseThrow();
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.reason()).isEqualTo("still a bad cpf");
        assertThat(again.lastAttempt()).isEqualTo(later);

        assertThat(store.quarantined(new QuarantineQuery(STREAM, null, id1, 10)))
                .extracting(QuarantineEntry::id)
                .containsExactly(id2);
        assertThat(store.quarantined(new QuarantineQuery(null, QuarantineStage.DECODE, 0, 10)))
                .isEmpty();
        assertThat(store.deleteQuarantined(id1)).isTrue();
        assertThat(store.deleteQuarantined(id1)).isFalse();
        assertThat(store.quarantineCount(STREAM)).isEqualTo(1);

        store.apply(new ApplyBatch(
                STREAM,
                List.of(item("k2", 3, "fixed")),
                List.of(),
                List.of(id2),
                List.of(),
                Map.of(),
                List.of(),
                null,
                null,
                false,
                null));
        assertThat(store.quarantineCount(STREAM)).isZero();
        assertThat(name("k2")).isEqualTo("fixed");
    }

    @Test
    void theSameRecordQuarantinedAgainIsKeptOnceWithItsAttemptsCounted() {
        long first = store.apply(ApplyBatch.of(STREAM, List.of()).withQuarantine(List.of(bad("k1", "bad cpf"))))
                .quarantineIds()
                .get(0);
        QuarantineEntry malformed = QuarantineEntry.of(
                STREAM,
                null,
                "",
                QuarantineStage.DECODE,
                "cannot read",
                "{broken",
                0,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        long broken = store.apply(ApplyBatch.of(STREAM, List.of()).withQuarantine(List.of(malformed)))
                .quarantineIds()
                .get(0);

        ApplyResult again = store.apply(
                ApplyBatch.of(STREAM, List.of()).withQuarantine(List.of(bad("k1", "bad cpf again"), malformed)));

        assertThat(again.quarantineIds()).containsExactly(first, broken);
        assertThat(store.quarantineCount(STREAM)).isEqualTo(2);
        QuarantineEntry kept = store.quarantined(first).orElseThrow();
        assertThat(kept.attempts()).isEqualTo(2);
        assertThat(kept.reason()).isEqualTo("bad cpf again");
        assertThat(store.quarantined(broken).orElseThrow().attempts()).isEqualTo(2);
        QuarantineEntry newerVersion = QuarantineEntry.of(
                STREAM,
                "k1",
                "",
                QuarantineStage.VALIDATE,
                "bad cpf",
                "{}",
                4,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        store.apply(ApplyBatch.of(STREAM, List.of()).withQuarantine(List.of(newerVersion)));
        assertThat(store.quarantineCount(STREAM))
                .as("another version of the record is another entry")
                .isEqualTo(3);
    }

    @Test
    void aLeaseHasOneHolderAtATimeAndExpires() throws InterruptedException {
        assertThat(store.tryLease("plan:QUICK", "a", Duration.ofMillis(800))).isTrue();
        assertThat(store.tryLease("plan:QUICK", "b", Duration.ofMillis(800))).isFalse();
        assertThat(store.tryLease("plan:FULL", "b", Duration.ofMillis(800))).isTrue();
        assertThat(store.tryLease("plan:QUICK", "a", Duration.ofMillis(800)))
                .as("renewal by its holder")
                .isTrue();

        store.releaseLease("plan:QUICK", "b");
        assertThat(store.tryLease("plan:QUICK", "b", Duration.ofMillis(800)))
                .as("only the holder releases")
                .isFalse();
        store.releaseLease("plan:QUICK", "a");
        assertThat(store.tryLease("plan:QUICK", "b", Duration.ofMillis(300))).isTrue();

        Thread.sleep(1200);
        assertThat(store.tryLease("plan:QUICK", "c", Duration.ofSeconds(5)))
                .as("taken over after expiry")
                .isTrue();
        assertThat(store.tryLease("plan:QUICK", "b", Duration.ofSeconds(5))).isFalse();
    }

    @Test
    void markersAreReplacedByKindAndKey() {
        Instant at = Instant.parse("2026-11-21T22:00:00Z");
        store.putMarker(new Marker("day-closed", "0002/2026-11-21", "120 sales", at));
        store.putMarker(new Marker("day-closed", "0002/2026-11-21", "121 sales", at));
        store.apply(ApplyBatch.of(STREAM, List.of())
                .withMarkers(List.of(new Marker("day-closed", "0005/2026-11-21", "7 sales", at))));

        assertThat(store.marker("day-closed", "0002/2026-11-21"))
                .map(Marker::value)
                .contains("121 sales");
        assertThat(store.markers("day-closed"))
                .extracting(Marker::key)
                .containsExactlyInAnyOrder("0002/2026-11-21", "0005/2026-11-21");
        assertThat(store.markers("other")).isEmpty();
        assertThat(store.marker("day-closed", "0003/2026-11-21")).isEmpty();
    }

    @Test
    void theRunLogKeepsReportsNewestFirst() {
        Instant t0 = Instant.parse("2026-11-21T10:00:00Z");
        StepReport step = new StepReport(
                "pull items",
                STREAM,
                StepStatus.SUCCEEDED,
                10,
                8,
                1,
                1,
                1,
                0,
                Duration.ofMillis(1500),
                List.of(),
                null);
        store.recordRun(new SyncReport("run-1", "QUICK", "node-a", t0, t0.plusSeconds(2), List.of(step)));
        store.recordRun(new SyncReport("run-2", "FULL", "node-a", t0.plusSeconds(60), t0.plusSeconds(90), List.of()));

        List<SyncReport> runs = store.recentRuns(10);
        assertThat(runs).extracting(SyncReport::runId).containsExactly("run-2", "run-1");
        SyncReport first = runs.get(1);
        assertThat(first.plan()).isEqualTo("QUICK");
        assertThat(first.steps()).hasSize(1);
        assertThat(first.steps().get(0).applied()).isEqualTo(8);
        assertThat(first.steps().get(0).took()).isEqualTo(Duration.ofMillis(1500));
        assertThat(store.recentRuns(1)).extracting(SyncReport::runId).containsExactly("run-2");
    }

    @Test
    void baselinesAreKeptOnlyWhenAsked() {
        store.apply(ApplyBatch.of(STREAM, List.of(item("k1", 1, "one"))));
        assertThat(store.baselines(STREAM, List.of("k1"))).isEmpty();

        store.apply(new ApplyBatch(
                STREAM,
                List.of(item("k1", 2, "two")),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                null,
                null,
                true,
                null));
        Map<String, Object> base = store.baselines(STREAM, List.of("k1")).get("k1");
        assertThat(base).isNotNull();
        assertThat(base.get("name")).isEqualTo("two");
    }

    @Test
    void scanHandsEveryLiveRecordInKeyOrder() {
        store.apply(ApplyBatch.of(STREAM, List.of(item("b", 1, "B"), item("a", 1, "A"), item("c", 1, "C"))));
        store.apply(ApplyBatch.of(STREAM, List.of(Change.delete(STREAM, "b", 2, "remote"))));
        List<String> keys = new ArrayList<>();
        store.scan(STREAM, r -> keys.add(r.key()));
        assertThat(keys).containsExactly("a", "c");
    }
}
