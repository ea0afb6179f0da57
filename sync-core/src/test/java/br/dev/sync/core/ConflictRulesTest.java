package br.dev.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.ConflictResolver;
import br.dev.sync.core.testkit.FakeRemote;
import br.dev.sync.core.testkit.Item;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each conflict rule, run through the engine, with the final state of the store and of the outbox. */
class ConflictRulesTest {
    final InMemorySyncStore store = new InMemorySyncStore();
    final FakeRemote remote = new FakeRemote("head-office");
    SyncEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    /** Local has synced K1 at v1 (price 10, name "base"), then changed it locally (pending in the outbox). */
    SyncReport conflict(
            ConflictResolver rule,
            Map<String, Object> localFields,
            long localVersion,
            String localOrigin,
            String remoteJson) {
        SyncStream<Item> items =
                Item.stream("items").direction(Direction.BOTH).onConflict(rule).build();
        Map<String, Object> base = fields("K1", 1, "base", "10.00");
        store.apply(new ApplyBatch(
                "items",
                List.of(Change.upsert("items", "K1", 1, base, "head-office")),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                null,
                null,
                true,
                null));
        store.append(new Change("items", "K1", localVersion, Operation.UPSERT, localFields, localOrigin));
        remote.add("items", remoteJson);
        engine = SyncEngine.builder()
                .node("node-a")
                .store(store)
                .retry(new RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(1), 0))
                .build();
        return engine.run(Step.pull(items, remote));
    }

    static Map<String, Object> fields(String id, long version, String name, String price) {
        return Map.of(
                "id", id, "version", version, "name", name, "price", new BigDecimal(price), "qty", 1, "deleted", false);
    }

    Object stored(String field) {
        return store.snapshot("items").get("K1").get(field);
    }

    @Test
    void serverWinsAppliesTheRemoteChangeAndDropsTheLocalOne() {
        SyncReport r = conflict(
                ConflictRules.serverWins(),
                fields("K1", 5, "local", "12.00"),
                5,
                "node-a",
                Item.json("K1", 2, "remote", "11.00"));

        assertThat(r.steps().get(0).conflicts()).isEqualTo(1);
        assertThat(stored("name")).isEqualTo("remote");
        assertThat(store.pendingCount("items")).isZero();
    }

    @Test
    void serverWinsDropsEveryPendingChangeOfTheKeyNotOnlyTheNewest() {
        store.append(Change.upsert("items", "K1", 4, fields("K1", 4, "first local edit", "11.50"), "node-a"));
        SyncReport r = conflict(
                ConflictRules.serverWins(),
                fields("K1", 5, "second local edit", "12.00"),
                5,
                "node-a",
                Item.json("K1", 2, "remote", "11.00"));

        assertThat(r.steps().get(0).conflicts()).isEqualTo(1);
        assertThat(stored("name")).isEqualTo("remote");
        assertThat(store.pendingCount("items")).isZero();
    }

    @Test
    void clientWinsKeepsTheLocalChangePendingAndIgnoresTheRemoteOne() {
        SyncReport r = conflict(
                ConflictRules.clientWins(),
                fields("K1", 1, "local", "12.00"),
                1,
                "node-a",
                Item.json("K1", 9, "remote", "11.00"));

        assertThat(r.steps().get(0).conflicts()).isEqualTo(1);
        assertThat(r.steps().get(0).applied()).isZero();
        assertThat(stored("name")).isEqualTo("base");
        assertThat(store.pendingFor("items", List.of("K1"))
                        .get("K1")
                        .change()
                        .fields()
                        .get("name"))
                .isEqualTo("local");
    }

    @Test
    void newestWinsTakesTheHigherVersion() {
        conflict(
                ConflictRules.newestWins(),
                fields("K1", 3, "local", "12.00"),
                3,
                "node-a",
                Item.json("K1", 4, "remote", "11.00"));

        assertThat(stored("name")).isEqualTo("remote");
        assertThat(store.pendingCount("items")).isZero();
    }

    @Test
    void newestWinsKeepsLocalWhenItsVersionIsHigher() {
        conflict(
                ConflictRules.newestWins(),
                fields("K1", 7, "local", "12.00"),
                7,
                "node-a",
                Item.json("K1", 4, "remote", "11.00"));

        assertThat(stored("name")).isEqualTo("base");
        assertThat(store.pendingCount("items")).isEqualTo(1);
    }

    @Test
    void newestWinsBreaksATieByTheOriginNodeIdThatSortsLast() {
        // remote origin "head-office" sorts after "agency-0042": the remote change wins the tie
        conflict(
                ConflictRules.newestWins(),
                fields("K1", 4, "local", "12.00"),
                4,
                "agency-0042",
                Item.json("K1", 4, "remote", "11.00"));
        assertThat(stored("name")).isEqualTo("remote");
        assertThat(store.pendingCount("items")).isZero();
    }

    @Test
    void newestWinsTieGoesToTheLocalChangeWhenItsOriginSortsLast() {
        conflict(
                ConflictRules.newestWins(),
                fields("K1", 4, "local", "12.00"),
                4,
                "outpost-9",
                Item.json("K1", 4, "remote", "11.00"));
        assertThat(stored("name")).isEqualTo("base");
        assertThat(store.pendingCount("items")).isEqualTo(1);
    }

    @Test
    void mergeFieldsTakesEachSidesOwnChanges() {
        // local changed the price, remote changed the name: both survive, locally and in the pending push
        conflict(
                ConflictRules.mergeFields(),
                fields("K1", 1, "base", "12.00"),
                2,
                "node-a",
                Item.json("K1", 3, "renamed", "10.00"));

        assertThat(stored("name")).isEqualTo("renamed");
        assertThat(new BigDecimal(stored("price").toString())).isEqualByComparingTo("12.00");
        Change pending = store.pendingFor("items", List.of("K1")).get("K1").change();
        assertThat(pending.fields().get("name")).isEqualTo("renamed");
        assertThat(new BigDecimal(pending.fields().get("price").toString())).isEqualByComparingTo("12.00");
        assertThat(pending.version())
                .as("the merged push outranks the remote version")
                .isEqualTo(4);
    }

    @Test
    void mergeFieldsGivesAFieldChangedOnBothSidesToTheNewerSide() {
        conflict(
                ConflictRules.mergeFields(),
                fields("K1", 1, "local name", "12.00"),
                2,
                "node-a",
                Item.json("K1", 3, "remote name", "10.00"));

        assertThat(stored("name")).isEqualTo("remote name");
        assertThat(new BigDecimal(stored("price").toString())).isEqualByComparingTo("12.00");
    }

    @Test
    void manualSendsTheRemoteChangeToQuarantineAndARetryAppliesIt() {
        SyncReport r = conflict(
                ConflictRules.manual(),
                fields("K1", 1, "local", "12.00"),
                2,
                "node-a",
                Item.json("K1", 3, "remote", "11.00"));

        assertThat(r.steps().get(0).quarantined()).isEqualTo(1);
        assertThat(stored("name")).isEqualTo("base");
        QuarantineEntry entry =
                store.quarantined(QuarantineQuery.stream("items")).get(0);
        assertThat(entry.stage()).isEqualTo(QuarantineStage.CONFLICT);
        assertThat(entry.reason())
                .contains("local version 2, remote version 3")
                .contains("retry this entry to take the remote change");

        assertThat(engine.quarantine().retry(entry.id())).isTrue();
        assertThat(stored("name")).isEqualTo("remote");
        assertThat(store.pendingCount("items")).isZero();
        assertThat(store.quarantineCount("items")).isZero();
    }

    @Test
    void manualConflictDeletedKeepsTheLocalChange() {
        conflict(
                ConflictRules.manual(),
                fields("K1", 1, "local", "12.00"),
                2,
                "node-a",
                Item.json("K1", 3, "remote", "11.00"));
        long id = store.quarantined(QuarantineQuery.stream("items")).get(0).id();

        assertThat(engine.quarantine().delete(id)).isTrue();
        assertThat(stored("name")).isEqualTo("base");
        assertThat(store.pendingCount("items")).isEqualTo(1);
    }

    @Test
    void aCustomResolverDecides() {
        ConflictResolver cheaper =
                c -> new BigDecimal(c.remote().fields().get("price").toString())
                                        .compareTo(new BigDecimal(
                                                c.local().fields().get("price").toString()))
                                < 0
                        ? Resolution.takeRemote()
                        : Resolution.keepLocal();
        conflict(cheaper, fields("K1", 1, "local", "12.00"), 2, "node-a", Item.json("K1", 3, "remote", "11.00"));
        assertThat(stored("name")).isEqualTo("remote");
    }

    @Test
    void aResolverThatThrowsQuarantinesTheRecordInsteadOfFailingTheRun() {
        SyncReport r = conflict(
                c -> {
                    throw new IllegalStateException("rule bug");
                },
                fields("K1", 1, "local", "12.00"),
                2,
                "node-a",
                Item.json("K1", 3, "remote", "11.00"));

        assertThat(r.succeeded()).isTrue();
        assertThat(store.quarantined(QuarantineQuery.stream("items")).get(0).reason())
                .isEqualTo("the conflict rule failed for key K1: rule bug");
    }

    @Test
    void sameValueSurvivesAStoreRoundTrip() {
        assertThat(ConflictRules.sameValue(new BigDecimal("10.5"), new BigDecimal("10.50")))
                .isTrue();
        assertThat(ConflictRules.sameValue(7, 7L)).isTrue();
        assertThat(ConflictRules.sameValue("7", 7L)).isTrue();
        assertThat(ConflictRules.sameValue(null, "x")).isFalse();
        assertThat(ConflictRules.sameValue("a", "b")).isFalse();
    }
}
