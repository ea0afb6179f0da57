package br.dev.sync.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.QuarantineQuery;
import br.dev.sync.core.RetrySettings;
import br.dev.sync.core.Step;
import br.dev.sync.core.StepReport;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.SyncStream;
import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.spi.StoredRecord;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.FakeRemote;
import br.dev.sync.core.testkit.Item;
import br.dev.sync.core.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine on the JDBC store: a pull that fails mid-way resumes from the committed checkpoint and, with repeated
 * pages, ends like the reference store; a push batch resent after lost acks is applied once.
 */
class JdbcEngineH2Test {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.h2();

    private static final String PREFIX = TestDatabase.prefix("h2_engine");
    private static final SyncStream<Item> ITEMS = Item.stream("items").build();
    private static final RetrySettings FAST = new RetrySettings(6, Duration.ofMillis(1), Duration.ofMillis(5), 0);

    @AfterAll
    static void dropTables() {
        JdbcStores.drop(db, PREFIX);
    }

    private static List<String> items(int from, int to, long version) {
        return IntStream.range(from, to)
                .mapToObj(i -> Item.json(String.format("K%05d", i), version, "item " + i, i + ".50"))
                .toList();
    }

    private static SyncReport pull(SyncStore store, FakeRemote remote) {
        try (SyncEngine engine =
                SyncEngine.builder().node("node-a").store(store).retry(FAST).build()) {
            return engine.run(Step.pull(ITEMS, remote).pageSize(100));
        }
    }

    private static Map<String, Object> live(SyncStore store) {
        Map<String, Object> out = new TreeMap<>();
        store.scan("items", r -> out.put(r.key(), r.version() + " " + r.fields().get("name")));
        return out;
    }

    @Test
    void aPullThroughFailuresAndRepeatsEndsLikeTheReferenceStore() {
        List<String> raws = new ArrayList<>(items(0, 700, 1));
        raws.addAll(items(300, 400, 2));
        raws.add("{not json");
        JdbcSyncStore store = JdbcStores.fresh(db, PREFIX);
        FakeRemote remote = new FakeRemote("fake-erp");
        remote.add("items", raws);
        remote.repeatPages(0.3, 42).failFetchesFromPage(3);
        InMemorySyncStore reference = new InMemorySyncStore();
        FakeRemote clean = new FakeRemote("fake-erp");
        clean.add("items", raws);

        SyncReport failed = pull(store, remote);
        assertThat(failed.succeeded()).isFalse();
        assertThat(store.checkpoint(new CheckpointId("node-a", "items", "", "")))
                .contains("300");
        remote.failFetchesFromPage(-1);
        SyncReport report = pull(store, remote);
        pull(reference, clean);

        StepReport step = report.steps().get(0);
        assertThat(report.succeeded()).isTrue();
        assertThat(step.quarantined()).isEqualTo(1);
        assertThat(live(store)).hasSize(700).isEqualTo(live(reference));
        assertThat(store.quarantined(QuarantineQuery.stream("items"))).hasSize(1);
        assertThat(store.checkpoint(new CheckpointId("node-a", "items", "", "")))
                .isEqualTo(reference.checkpoint(new CheckpointId("node-a", "items", "", "")));
        StoredRecord k350 = store.read("items", List.of("K00350")).get("K00350");
        assertThat(k350.version()).isEqualTo(2);
        assertThat(store.recentRuns(1)).extracting(SyncReport::runId).containsExactly(report.runId());
    }

    @Test
    void aBatchResentAfterALostAcknowledgementIsAppliedOnce() {
        JdbcSyncStore store = JdbcStores.fresh(db, PREFIX);
        for (int i = 0; i < 250; i++) {
            store.append(Change.upsert("items", String.format("K%05d", i), 1, Map.of("name", "local " + i), "node-a"));
        }
        FakeRemote remote = new FakeRemote("fake-erp");
        remote.loseNextAcks(2);

        try (SyncEngine engine =
                SyncEngine.builder().node("node-a").store(store).retry(FAST).build()) {
            SyncReport report = engine.run(Step.push(ITEMS, remote).batchSize(100));
            assertThat(report.succeeded()).isTrue();
        }
        assertThat(remote.pushed("items")).hasSize(250);
        assertThat(remote.pushedApplications()).isEqualTo(250);
        assertThat(store.pendingCount("items")).isZero();
    }
}
