package br.dev.sync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.ApplyResult;
import br.dev.sync.core.spi.Gate;
import br.dev.sync.core.spi.GateContext;
import br.dev.sync.core.spi.Marker;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.FakeRemote;
import br.dev.sync.core.testkit.Item;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The architecture's promises 1 to 7, each attacked with a remote that fails, repeats and reorders. */
class EnginePromisesTest {
    static final SyncStream<Item> ITEMS = Item.stream("items").build();
    static final RetrySettings FAST = new RetrySettings(4, Duration.ofMillis(1), Duration.ofMillis(5), 0);

    final InMemorySyncStore store = new InMemorySyncStore();
    final FakeRemote remote = new FakeRemote("fake-erp");
    final List<SyncEvent> events = new CopyOnWriteArrayList<>();
    final List<SyncEngine> engines = new ArrayList<>();

    SyncEngine engine(SyncStore s) {
        SyncEngine e = SyncEngine.builder()
                .node("node-a")
                .store(s)
                .retry(FAST)
                .listener(events::add)
                .build();
        engines.add(e);
        return e;
    }

    @AfterEach
    void close() {
        engines.forEach(SyncEngine::close);
    }

    static List<String> items(int from, int to, long version) {
        return IntStream.range(from, to)
                .mapToObj(i -> Item.json(key(i), version, "item " + i, i + ".50"))
                .toList();
    }

    static String key(int i) {
        return String.format("K%05d", i);
    }

    Step.Pull pull() {
        return Step.pull(ITEMS, remote).pageSize(100);
    }

    @Test
    void promise1_everyRecordEndsUpAppliedOrQuarantined() {
        List<String> raws = new ArrayList<>(items(0, 950, 1));
        raws.add("{not json");
        raws.add(Item.json("BAD1", 1, "", "1.00"));
        raws.add(Item.json("BAD2", 1, "negative", "-3"));
        remote.add("items", raws);

        SyncReport report = engine(store).run(pull());

        StepReport step = report.steps().get(0);
        assertThat(step.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(step.received()).isEqualTo(953);
        assertThat(step.applied()).isEqualTo(950);
        assertThat(step.quarantined()).isEqualTo(3);
        assertThat(step.applied() + step.quarantined()).isEqualTo(raws.size());
        assertThat(store.snapshot("items")).hasSize(950);
        assertThat(store.quarantineCount("items")).isEqualTo(3);
    }

    @Test
    void promise2_applyingTheSamePagesAgainChangesNothing() {
        remote.add("items", items(0, 500, 1));
        SyncEngine sync = engine(store);
        sync.run(pull());
        Map<String, Map<String, Object>> before = store.snapshot("items");

        SyncReport again = sync.run(pull().window(Window.day(java.time.LocalDate.of(2026, 11, 21))));

        assertThat(again.steps().get(0).received()).isEqualTo(500);
        assertThat(again.steps().get(0).applied()).isZero();
        assertThat(again.steps().get(0).unchanged()).isEqualTo(500);
        assertThat(store.snapshot("items")).isEqualTo(before);
    }

    @Test
    void promise2_repeatedPagesFromTheRemoteAreAbsorbed() {
        remote.add("items", items(0, 1000, 1));
        remote.repeatPages(0.4, 7);

        SyncReport report = engine(store).run(pull());

        StepReport step = report.steps().get(0);
        assertThat(step.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(step.applied()).isEqualTo(1000);
        assertThat(step.received()).isGreaterThan(1000);
        assertThat(step.unchanged()).isEqualTo(step.received() - 1000);
        assertThat(store.snapshot("items")).hasSize(1000);
    }

    @Test
    void promise3_aCrashMidwayKeepsTheCheckpointAtCommittedDataAndTheNextRunResumes() {
        remote.add("items", items(0, 1000, 1));
        remote.failFetchesFromPage(6);
        SyncEngine sync = engine(store);

        SyncReport broken = sync.run(pull());

        assertThat(broken.steps().get(0).status()).isEqualTo(StepStatus.FAILED);
        assertThat(broken.steps().get(0).error()).contains("dropped the connection at offset 600");
        assertThat(store.snapshot("items")).hasSize(600);
        assertThat(store.checkpoint(new CheckpointId("node-a", "items", "", "")))
                .contains("600");

        remote.failFetchesFromPage(-1);
        int fetchesBefore = remote.fetchCount();
        SyncReport resumed = sync.run(pull());

        assertThat(resumed.succeeded()).isTrue();
        assertThat(resumed.steps().get(0).received()).isEqualTo(400);
        assertThat(remote.fetchCount() - fetchesBefore).isEqualTo(4);
        assertThat(store.snapshot("items")).hasSize(1000);
    }

    @Test
    void promise3_aStoreThatFailsAtCommitLeavesNoPartialPage() {
        remote.add("items", items(0, 300, 1));
        AtomicInteger applies = new AtomicInteger();
        SyncStore crashing = failingOnApply(store, () -> applies.incrementAndGet() == 2);

        SyncReport report = engine(crashing).run(pull());

        assertThat(report.steps().get(0).status()).isEqualTo(StepStatus.FAILED);
        assertThat(store.snapshot("items")).hasSize(100);
        assertThat(store.checkpoint(new CheckpointId("node-a", "items", "", "")))
                .contains("100");

        SyncReport resumed = engine(store).run(pull());
        assertThat(resumed.steps().get(0).applied()).isEqualTo(200);
        assertThat(store.snapshot("items")).hasSize(300);
    }

    @Test
    void promise4_aBatchResentAfterALostAcknowledgementIsAppliedOnce() {
        for (int i = 0; i < 250; i++) {
            store.append(Change.upsert("items", key(i), 1, Map.of("name", "local " + i), "node-a"));
        }
        remote.loseNextAcks(2);

        SyncReport report = engine(store).run(Step.push(ITEMS, remote).batchSize(100));

        assertThat(report.succeeded()).isTrue();
        assertThat(report.steps().get(0).pushed()).isEqualTo(250);
        assertThat(remote.pushed("items")).hasSize(250);
        assertThat(remote.pushedApplications()).isEqualTo(250);
        assertThat(remote.pushCount()).isEqualTo(5);
        assertThat(store.pendingCount("items")).isZero();
    }

    @Test
    void promise4_aPushThatFailsForGoodLeavesTheOutboxForTheNextRun() {
        for (int i = 0; i < 50; i++) {
            store.append(Change.upsert("items", key(i), 1, Map.of("name", "local " + i), "node-a"));
        }
        remote.failNextPushes(10);
        SyncEngine sync = engine(store);

        assertThat(sync.run(Step.push(ITEMS, remote)).succeeded()).isFalse();
        assertThat(store.pendingCount("items")).isEqualTo(50);

        remote.failNextPushes(0);
        assertThat(sync.run(Step.push(ITEMS, remote)).succeeded()).isTrue();
        assertThat(remote.pushedApplications()).isEqualTo(50);
        assertThat(store.pendingCount("items")).isZero();
    }

    static Stream<Arguments> seeds() {
        return new Random(42).longs(12, 1, Long.MAX_VALUE).mapToObj(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void promise5_theSameInputsConvergeWhateverTheOrderAndRetries(long seed) {
        Random random = new Random(seed);
        List<String> raws = new ArrayList<>();
        Map<String, Long> newest = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 400; i++) {
            String k = key(random.nextInt(120));
            long v = 1 + random.nextInt(50);
            if (!seen.add(k + "@" + v)) {
                continue; // a remote never serves two different records under one key and version
            }
            raws.add(random.nextInt(10) == 0 ? Item.deletion(k, v) : Item.json(k, v, "v" + v, v + ".00"));
            newest.merge(k, v, Math::max);
        }
        Collections.shuffle(raws, random);
        remote.add("items", raws);
        remote.repeatPages(0.3, seed);
        remote.failNextFetches(random.nextInt(3));

        engine(store).run(pull().pageSize(1 + random.nextInt(60))).throwIfFailed();

        Map<String, Long> expectedVersions = new HashMap<>(newest);
        InMemorySyncStore reference = new InMemorySyncStore();
        List<String> sorted = new ArrayList<>(raws);
        SyncEngine ref = engine(reference);
        FakeRemote inOrder = new FakeRemote("reference");
        inOrder.add("items", sorted);
        ref.run(Step.pull(ITEMS, inOrder).pageSize(1000)).throwIfFailed();

        assertThat(store.snapshot("items")).isEqualTo(reference.snapshot("items"));
        Map<String, Long> versions = new HashMap<>();
        store.read("items", expectedVersions.keySet()).forEach((k, r) -> versions.put(k, r.version()));
        assertThat(versions).isEqualTo(expectedVersions);
    }

    @Test
    void promise5_recordsChangedOnTheRemoteDuringThePullEndAtTheirNewestVersion() {
        remote.add("items", items(0, 600, 1));
        AtomicInteger pages = new AtomicInteger();
        SyncEngine sync = SyncEngine.builder()
                .node("node-a")
                .store(store)
                .retry(FAST)
                .listener(e -> {
                    if (e instanceof SyncEvent.Progress && pages.incrementAndGet() <= 3) {
                        // the remote's users edit records the pull has already passed: they come again, newer, at the
                        // end
                        remote.add("items", items(pages.get() * 10, pages.get() * 10 + 5, 2 + pages.get()));
                    }
                })
                .build();
        engines.add(sync);

        sync.run(pull()).throwIfFailed();

        assertThat(store.snapshot("items")).hasSize(600);
        assertThat(store.read("items", List.of(key(10), key(20), key(34), key(35))))
                .extractingFromEntries(e -> e.getKey() + "@" + e.getValue().version())
                .containsExactlyInAnyOrder(key(10) + "@3", key(20) + "@4", key(34) + "@5", key(35) + "@1");
    }

    @Test
    void promise6_malformedInvalidAndOversizedRecordsAreQuarantinedWithTheirReason() {
        SyncStream<Item> small = Item.stream("items").maxRecordChars(200).build();
        String huge = Item.json("HUGE", 1, "x".repeat(300), "1.00");
        remote.add(
                "items",
                List.of(
                        Item.json("OK1", 1, "fine", "1.00"),
                        "{\"id\": [",
                        huge,
                        Item.json("NEG", 1, "negative", "-1.00"),
                        Item.json("OK2", 1, "fine too", "2.00")));

        SyncReport report = engine(store).run(Step.pull(small, remote));

        assertThat(report.succeeded()).isTrue();
        assertThat(store.snapshot("items")).containsOnlyKeys("OK1", "OK2");
        List<QuarantineEntry> q = store.quarantined(QuarantineQuery.stream("items"));
        assertThat(q)
                .extracting(QuarantineEntry::stage)
                .containsExactly(QuarantineStage.DECODE, QuarantineStage.DECODE, QuarantineStage.VALIDATE);
        assertThat(q.get(0).reason()).startsWith("cannot read the record");
        assertThat(q.get(0).raw()).isEqualTo("{\"id\": [");
        assertThat(q.get(1).reason()).contains("more than the limit of 200");
        assertThat(q.get(1).raw()).isEqualTo(huge);
        assertThat(q.get(2).key()).isEqualTo("NEG");
        assertThat(q.get(2).reason()).isEqualTo("price: must be greater than or equal to 0 (value '-1.00')");
        assertThat(events)
                .filteredOn(e -> e instanceof SyncEvent.RecordQuarantined)
                .hasSize(3);
    }

    @Test
    void promise6_aBrokenAnswerFailsTheStepWithoutCommittingThatPage() {
        remote.add("items", items(0, 300, 1));
        remote.brokenPageAfterFirst(true);

        SyncReport report = engine(store).run(pull());

        StepReport step = report.steps().get(0);
        assertThat(step.status()).isEqualTo(StepStatus.FAILED);
        assertThat(step.error()).contains("cannot be read");
        assertThat(store.snapshot("items")).hasSize(100);
        assertThat(store.checkpoint(new CheckpointId("node-a", "items", "", "")))
                .contains("100");
    }

    @Test
    void promise6_aRecordTheStoreRefusesIsQuarantinedAndTheRestOfThePageApplies() {
        remote.add("items", items(0, 50, 1));
        SyncStore picky = refusingKey(store, key(17));

        SyncReport report = engine(picky).run(pull());

        assertThat(report.succeeded()).isTrue();
        assertThat(store.snapshot("items")).hasSize(49).doesNotContainKey(key(17));
        List<QuarantineEntry> q = store.quarantined(QuarantineQuery.stream("items"));
        assertThat(q).singleElement().satisfies(e -> {
            assertThat(e.stage()).isEqualTo(QuarantineStage.APPLY);
            assertThat(e.key()).isEqualTo(key(17));
            assertThat(e.reason()).contains("value too long for column name");
        });
        assertThat(store.checkpoint(new CheckpointId("node-a", "items", "", "")))
                .contains("50");
    }

    @Test
    void promise7_aGateRefusesItsStepNamingWhatIsMissingAndDependentsAreSkipped() {
        remote.add("items", items(0, 10, 1));
        Gate outpostsClosed = new Gate() {
            public String name() {
                return "outposts closed";
            }

            public List<String> missing(GateContext ctx) {
                return Stream.of("0002", "0005")
                        .filter(o -> ctx.store()
                                .marker("day-closed", o + "/2026-11-21")
                                .isEmpty())
                        .map(o -> "outpost " + o + " has not closed 2026-11-21")
                        .toList();
            }
        };
        AtomicInteger imports = new AtomicInteger();
        Plan plan = Plan.builder("consolidate")
                .step(Step.task("import BDF", ctx -> imports.incrementAndGet()).gate(outpostsClosed))
                .step(Step.pull(ITEMS, remote).after("import BDF"))
                .build();
        SyncEngine sync = engine(store);
        store.putMarker(new Marker("day-closed", "0002/2026-11-21", "", Instant.now()));

        SyncReport refused = sync.run(plan);

        assertThat(refused.step("import BDF").orElseThrow().status()).isEqualTo(StepStatus.REFUSED);
        assertThat(refused.step("import BDF").orElseThrow().error())
                .isEqualTo(
                        "step 'import BDF' refused by gate 'outposts closed': outpost 0005 has not closed 2026-11-21");
        assertThat(refused.step("pull items").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(imports).hasValue(0);
        assertThatThrownBy(refused::throwIfFailed).hasMessageContaining("outpost 0005 has not closed 2026-11-21");

        store.putMarker(new Marker("day-closed", "0005/2026-11-21", "", Instant.now()));
        SyncReport passed = sync.run(plan);
        assertThat(passed.succeeded()).isTrue();
        assertThat(imports).hasValue(1);
        assertThat(store.snapshot("items")).hasSize(10);
    }

    @Test
    void theSamePlanNeverRunsTwiceAtOnce() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Plan slow = Plan.of("slow", Step.task("wait", ctx -> {
            inside.countDown();
            release.await();
        }));
        SyncEngine sync = engine(store);
        Thread first = new Thread(() -> sync.run(slow));
        first.start();
        inside.await();

        assertThatThrownBy(() -> engine(store).run(slow))
                .isInstanceOf(LeaseUnavailableException.class)
                .hasMessageContaining("plan 'slow' is already running on node node-a");

        release.countDown();
        first.join();
        assertThat(sync.run(Plan.of("slow", Step.task("wait", ctx -> {})))).matches(SyncReport::succeeded);
    }

    @Test
    void progressNeverPassesTheTotalAndTheReportIsLogged() {
        remote.add("items", items(0, 450, 1));
        remote.repeatPages(0.5, 3);

        SyncReport report = engine(store).run(pull());

        List<SyncEvent.Progress> progress = events.stream()
                .filter(e -> e instanceof SyncEvent.Progress)
                .map(e -> (SyncEvent.Progress) e)
                .toList();
        assertThat(progress).isNotEmpty();
        assertThat(progress).allSatisfy(p -> assertThat(p.done()).isLessThanOrEqualTo(p.total()));
        assertThat(progress.get(progress.size() - 1).fraction()).isEqualTo(1.0);
        assertThat(store.recentRuns(1)).extracting(SyncReport::runId).containsExactly(report.runId());
        assertThat(events.get(0)).isInstanceOf(SyncEvent.RunStarted.class);
        assertThat(events.get(events.size() - 1)).isInstanceOf(SyncEvent.RunFinished.class);
    }

    @Test
    void independentStepsRunAndAFailureOnlySkipsItsDependents() {
        remote.add("items", items(0, 20, 1));
        FakeRemote down = new FakeRemote("down").failFetchesFromPage(0);
        SyncStream<Item> other = Item.stream("other").build();
        Plan plan = Plan.builder("mixed")
                .step(Step.pull(other, down))
                .step(Step.pull(ITEMS, remote))
                .step(Step.task("after other", ctx -> {}).after("pull other"))
                .build();

        SyncReport report = engine(store).run(plan);

        assertThat(report.step("pull other").orElseThrow().status()).isEqualTo(StepStatus.FAILED);
        assertThat(report.step("pull items").orElseThrow().status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(report.step("after other").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(store.snapshot("items")).hasSize(20);
    }

    static SyncStore failingOnApply(SyncStore target, java.util.function.BooleanSupplier failNow) {
        return (SyncStore) Proxy.newProxyInstance(
                SyncStore.class.getClassLoader(), new Class<?>[] {SyncStore.class}, (p, m, args) -> {
                    if (m.getName().equals("apply") && failNow.getAsBoolean()) {
                        ApplyBatch batch = (ApplyBatch) args[0];
                        return m.invoke(target, batch.withBeforeCommit(() -> {
                            throw new IllegalStateException("disk full");
                        }));
                    }
                    return invoke(m, target, args);
                });
    }

    static SyncStore refusingKey(SyncStore target, String badKey) {
        return (SyncStore) Proxy.newProxyInstance(
                SyncStore.class.getClassLoader(), new Class<?>[] {SyncStore.class}, (p, m, args) -> {
                    if (m.getName().equals("apply")) {
                        ApplyBatch batch = (ApplyBatch) args[0];
                        if (batch.changes().stream().anyMatch(c -> c.key().equals(badKey))) {
                            throw new StoreException("value too long for column name (stream items)");
                        }
                    }
                    return invoke(m, target, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unused")
    private static ApplyResult unused() {
        return null;
    }
}
