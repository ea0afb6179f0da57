package br.dev.sync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.spi.StoredRecord;
import br.dev.sync.core.testkit.FakeRemote;
import br.dev.sync.core.testkit.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The records of a pulled page are decoded, validated and mapped by several threads at once; what is applied and
 * quarantined is the same as one thread in page order gives.
 */
class ParallelDecodeTest {
    static final int PAGE = 500;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8})
    void theOutcomeIsThatOfPageOrderWhateverTheThreads(int threads) {
        Random random = new Random(20261122L + threads);
        FakeRemote remote = new FakeRemote("fake-erp");
        List<String> raws = new ArrayList<>();
        Set<String> invalid = new HashSet<>();
        // key -> [page it first came in, name of its last record in that page]
        Map<String, Object[]> first = new HashMap<>();
        for (int i = 0; i < 6 * PAGE; i++) {
            // the first 50 records of each page share 40 keys, so keys repeat inside and across pages
            String key = String.format("K%05d", random.nextInt(i % PAGE < 50 ? 40 : 100_000));
            if (random.nextInt(9) == 0) {
                raws.add(Item.json(key + "x", 1, "", "1.00")); // blank name: quarantined
                invalid.add(key + "x");
                continue;
            }
            String name = "item " + i;
            raws.add(Item.json(key, 1, name, "1.00"));
            int page = i / PAGE;
            Object[] seen = first.computeIfAbsent(key, k -> new Object[] {page, name});
            if ((int) seen[0] == page) {
                seen[1] = name; // same version later in the same page: the later record wins
            } // in a later page the same version is not newer: the stored record stays
        }
        remote.add("items", raws);
        InMemorySyncStore store = new InMemorySyncStore();

        try (SyncEngine engine = SyncEngine.builder()
                .node("n")
                .store(store)
                .decodeThreads(threads)
                .build()) {
            SyncReport report =
                    engine.run(Step.pull(Item.stream("items").build(), remote).pageSize(PAGE));

            assertThat(report.succeeded()).isTrue();
            assertThat(report.total(StepReport::received)).isEqualTo(6L * PAGE);
            assertThat(engine.quarantine().list(QuarantineQuery.stream("items")))
                    .extracting(QuarantineEntry::key)
                    .containsExactlyInAnyOrderElementsOf(invalid);
        }
        Map<String, StoredRecord> stored = store.read("items", first.keySet());
        assertThat(stored).hasSameSizeAs(first);
        first.forEach((key, seen) ->
                assertThat(stored.get(key).fields().get("name")).as(key).isEqualTo(seen[1]));
    }

    @Test
    void aPageIsDecodedByMoreThanOneThread() {
        FakeRemote remote = new FakeRemote("fake-erp");
        remote.add("items", EnginePromisesTest.items(0, 2 * PAGE, 1));
        Set<Thread> decoding = ConcurrentHashMap.newKeySet();
        CyclicBarrier two = new CyclicBarrier(2);
        SyncStream<Item> items = Item.stream("items")
                .decoder(raw -> {
                    if (decoding.add(Thread.currentThread()) && decoding.size() <= 2) {
                        two.await(10, TimeUnit.SECONDS); // the first two threads wait for each other
                    }
                    return Item.stream("x").build().decode(raw);
                })
                .build();

        try (SyncEngine engine = SyncEngine.builder()
                .node("n")
                .store(new InMemorySyncStore())
                .decodeThreads(2)
                .build()) {
            SyncReport report = engine.run(Step.pull(items, remote).pageSize(PAGE));

            assertThat(report.total(StepReport::applied)).isEqualTo(2L * PAGE);
            assertThat(report.total(StepReport::quarantined)).isZero();
        }
        assertThat(decoding).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void oneDecodeThreadKeepsEachPageOnOneThread() {
        FakeRemote remote = new FakeRemote("fake-erp");
        remote.add("items", EnginePromisesTest.items(0, 3 * PAGE, 1));
        Map<Integer, Set<Thread>> byPage = new ConcurrentHashMap<>();
        SyncStream<Item> items = Item.stream("items")
                .decoder(raw -> {
                    Item item = Item.stream("x").build().decode(raw);
                    int page = Integer.parseInt(item.id().substring(1)) / PAGE;
                    byPage.computeIfAbsent(page, p -> ConcurrentHashMap.newKeySet())
                            .add(Thread.currentThread());
                    return item;
                })
                .build();

        try (SyncEngine engine = SyncEngine.builder()
                .node("n")
                .store(new InMemorySyncStore())
                .decodeThreads(1)
                .build()) {
            engine.run(Step.pull(items, remote).pageSize(PAGE)).throwIfFailed();
        }
        assertThat(byPage).hasSize(3);
        assertThat(byPage.values()).allSatisfy(threads -> assertThat(threads).hasSize(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 9})
    void decodeThreadsOutsideOneToEightIsAConfigurationError(int threads) {
        assertThatThrownBy(() -> SyncEngine.builder()
                        .node("n")
                        .store(new InMemorySyncStore())
                        .decodeThreads(threads)
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("decodeThreads: must be 1 to 8 (was " + threads + ")");
    }
}
