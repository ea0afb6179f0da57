package br.dev.sync.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.Plan;
import br.dev.sync.core.Step;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.schedule.Schedule;
import br.dev.sync.core.schedule.SyncIntervals;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncSchedulerTest {
    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final InMemorySyncStore store = new InMemorySyncStore(clock);
    final List<RunOutcome> outcomes = new CopyOnWriteArrayList<>();
    final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    SyncEngine engine(String node) {
        SyncEngine e = SyncEngine.builder()
                .node(node)
                .store(store)
                .clock(clock)
                .leaseTtl(Duration.ofMinutes(10))
                .build();
        closing.add(e);
        return e;
    }

    SyncScheduler.Builder scheduler(SyncEngine engine) {
        return SyncScheduler.builder()
                .engine(engine)
                .clock(clock)
                .stopTimeout(Duration.ofSeconds(5))
                .listener(outcomes::add);
    }

    SyncScheduler keep(SyncScheduler s) {
        closing.add(0, s);
        return s;
    }

    /** A plan whose one task counts its runs, says it started, and waits for the test to let it finish. */
    static final class SlowPlan {
        final AtomicInteger runs = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final Plan plan;

        SlowPlan(String name) {
            plan = Plan.of(name, Step.task("work", ctx -> {
                runs.incrementAndGet();
                started.countDown();
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the slow plan");
                }
            }));
        }

        void awaitStarted() throws InterruptedException {
            assertThat(started.await(5, TimeUnit.SECONDS))
                    .as("slow plan started")
                    .isTrue();
        }
    }

    static Plan counting(String name, AtomicInteger runs) {
        return Plan.of(name, Step.task("work", ctx -> runs.incrementAndGet()));
    }

    void awaitOutcomes(int n) {
        await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() >= n);
    }

    @Test
    void aSlowPlanStillRunningWhenItIsDueAgainIsNotStartedTwice() throws Exception {
        SlowPlan slow = new SlowPlan("receive");
        SyncScheduler s = keep(scheduler(engine("erp-1"))
                .every(slow.plan, Duration.ofMinutes(5))
                .build());

        assertThat(s.tick()).containsExactly("receive");
        slow.awaitStarted();
        clock.advance(Duration.ofMinutes(12));
        assertThat(s.tick()).isEmpty();
        assertThat(s.tick()).isEmpty();
        RunOutcome refused = s.syncNow("receive").get(1, TimeUnit.SECONDS);
        assertThat(refused).isInstanceOf(RunOutcome.Skipped.class);
        assertThat(((RunOutcome.Skipped) refused).reason())
                .contains("plan 'receive' is already running here (since 2026-11-23T12:00:00Z)");

        slow.release.countDown();
        awaitOutcomes(2);
        await().until(() -> !s.isRunning("receive"));
        assertThat(slow.runs).hasValue(1);
        assertThat(outcomes.get(1)).isInstanceOf(RunOutcome.Succeeded.class);
        assertThat(s.nextRun("receive")).contains(T0.plus(Duration.ofMinutes(17)));

        clock.advance(Duration.ofMinutes(5));
        assertThat(s.tick()).containsExactly("receive");
        awaitOutcomes(3);
        assertThat(slow.runs).hasValue(2);
    }

    @Test
    void twoEnginesSharingOneStoreNeverRunThePlanAtOnce() throws Exception {
        SlowPlan slow = new SlowPlan("receive");
        SyncScheduler first = keep(scheduler(engine("store-7"))
                .every(slow.plan, Duration.ofMinutes(5))
                .build());
        SyncScheduler second = keep(scheduler(engine("store-7"))
                .every(slow.plan, Duration.ofMinutes(5))
                .build());

        assertThat(first.tick()).containsExactly("receive");
        slow.awaitStarted();
        assertThat(second.tick()).containsExactly("receive");
        awaitOutcomes(1);
        RunOutcome.Skipped skipped = (RunOutcome.Skipped) outcomes.get(0);
        assertThat(skipped.trigger()).isEqualTo(RunOutcome.Trigger.SCHEDULED);
        assertThat(skipped.reason()).contains("plan 'receive' is already running on node store-7");
        assertThat(second.nextRun("receive")).contains(T0.plus(Duration.ofMinutes(5)));

        slow.release.countDown();
        awaitOutcomes(2);
        assertThat(outcomes.get(1)).isInstanceOf(RunOutcome.Succeeded.class);
        assertThat(slow.runs).hasValue(1);
    }

    @Test
    void aFailingRunIsReportedAndTheScheduleGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        Plan flaky = Plan.of("send", Step.task("push sales", ctx -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("billing server refused the batch");
            }
        }));
        SyncScheduler s = keep(
                scheduler(engine("erp-1")).every(flaky, Duration.ofMinutes(2)).build());

        assertThat(s.tick()).containsExactly("send");
        awaitOutcomes(1);
        RunOutcome.Failed failed = (RunOutcome.Failed) outcomes.get(0);
        assertThat(failed.reason())
                .contains("plan 'send' did not succeed")
                .contains("billing server refused the batch");
        assertThat(failed.report().succeeded()).isFalse();
        await().until(() -> !s.isRunning("send"));
        assertThat(s.nextRun("send")).contains(T0.plus(Duration.ofMinutes(2)));

        clock.advance(Duration.ofMinutes(2));
        assertThat(s.tick()).containsExactly("send");
        awaitOutcomes(2);
        assertThat(outcomes.get(1)).isInstanceOf(RunOutcome.Succeeded.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void automaticSyncSendsAndReceivesOnTheirOwnIntervals() {
        AtomicInteger sends = new AtomicInteger();
        AtomicInteger receives = new AtomicInteger();
        SyncScheduler s = keep(SyncScheduler.automatic(
                engine("erp-1"),
                counting("send", sends),
                counting("receive", receives),
                new SyncIntervals(Duration.ofMinutes(2), Duration.ofMinutes(5)),
                clock));

        for (int minute = 0; minute <= 10; minute++) {
            s.tick();
            await().until(() -> !s.isRunning("send") && !s.isRunning("receive"));
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(receives).as("receives at minutes 0, 5, 10").hasValue(3);
        assertThat(sends).as("sends at minutes 0, 2, 4, 6, 8, 10").hasValue(6);
        assertThat(s.nextRun("send")).contains(T0.plus(Duration.ofMinutes(12)));
        assertThat(s.nextRun("receive")).contains(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void theDefaultAutomaticSyncIsEveryFiveMinutes() throws Exception {
        AtomicInteger receives = new AtomicInteger();
        SyncScheduler s = keep(SyncScheduler.automatic(
                engine("erp-1"),
                counting("send", new AtomicInteger()),
                counting("receive", receives),
                SyncIntervals.DEFAULT,
                clock));
        assertThat(s.syncNow("receive").get(5, TimeUnit.SECONDS)).isInstanceOf(RunOutcome.Succeeded.class);
        assertThat(s.nextRun("receive")).contains(T0.plus(Duration.ofMinutes(5)));
        assertThat(s.nextRun("send")).contains(T0);
    }

    @Test
    void aScheduledPlanRunsOnItsSlotsAndSyncNowRunsAtOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Schedule quarterHours = Schedule.builder()
                .start(LocalTime.of(8, 0))
                .repeatEvery(Duration.ofMinutes(15))
                .zone(ZoneOffset.UTC)
                .build();
        clock.advance(Duration.ofMinutes(7)); // 12:07
        SyncScheduler s = keep(scheduler(engine("erp-1"))
                .add(counting("full", runs), quarterHours)
                .build());
        assertThat(s.nextRun("full")).contains(Instant.parse("2026-11-23T12:15:00Z"));
        assertThat(s.tick()).isEmpty();

        RunOutcome now = s.syncNow("full").get(5, TimeUnit.SECONDS);
        assertThat(now.trigger()).isEqualTo(RunOutcome.Trigger.SYNC_NOW);
        assertThat(((RunOutcome.Succeeded) now).report().plan()).isEqualTo("full");
        assertThat(s.nextRun("full")).contains(Instant.parse("2026-11-23T12:15:00Z"));

        clock.advance(Duration.ofMinutes(8)); // 12:15
        assertThat(s.tick()).containsExactly("full");
        await().until(() -> runs.get() == 2 && !s.isRunning("full"));
        assertThat(s.nextRun("full")).contains(Instant.parse("2026-11-23T12:30:00Z"));
    }

    @Test
    void aHeavyPlanDoesNotStartInItsQuietHours() {
        Schedule hourly = Schedule.builder()
                .repeatEvery(Duration.ofHours(1))
                .zone(ZoneOffset.UTC)
                .quietHours(LocalTime.of(13, 0), LocalTime.of(15, 0))
                .build();
        SyncScheduler s = keep(scheduler(engine("erp-1"))
                .add(counting("full", new AtomicInteger()), hourly, true)
                .add(counting("quick", new AtomicInteger()), hourly)
                .build());

        assertThat(s.nextRun("full")).contains(Instant.parse("2026-11-23T15:00:00Z"));
        assertThat(s.nextRun("quick")).contains(Instant.parse("2026-11-23T13:00:00Z"));
    }

    @Test
    void stopWaitsForTheRunningPlanAndStartsNothingNew() throws Exception {
        SlowPlan slow = new SlowPlan("receive");
        SyncScheduler s = scheduler(engine("erp-1"))
                .every(slow.plan, Duration.ofMinutes(5))
                .build();
        s.tick();
        slow.awaitStarted();

        assertThat(s.stop(Duration.ofMillis(100)))
                .as("still running after the timeout")
                .isFalse();
        assertThat(s.tick()).isEmpty();
        assertThatThrownBy(() -> s.syncNow("receive"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the scheduler is stopped: plan 'receive' was not run");

        CompletableFuture<Boolean> stopping = CompletableFuture.supplyAsync(() -> s.stop(Duration.ofSeconds(5)));
        Thread.sleep(50);
        assertThat(stopping).isNotDone();
        slow.release.countDown();
        assertThat(stopping.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(outcomes).singleElement().isInstanceOf(RunOutcome.Succeeded.class);
        assertThat(slow.runs).hasValue(1);
    }

    @Test
    void theBackgroundThreadRunsDuePlansOnItsOwn() {
        AtomicInteger runs = new AtomicInteger();
        SyncScheduler s = keep(scheduler(engine("erp-1"))
                .every(counting("receive", runs), Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(20))
                .build());
        s.start();
        awaitOutcomes(1);
        clock.advance(Duration.ofMinutes(5));
        awaitOutcomes(2);
        assertThat(runs).hasValue(2);
        assertThat(s.stop()).isTrue();
    }

    @Test
    void anUnknownPlanAndABadBuilderAreRefusedWithEveryProblem() {
        SyncScheduler s = keep(scheduler(engine("erp-1"))
                .every(counting("receive", new AtomicInteger()), Duration.ofMinutes(5))
                .build());
        assertThatThrownBy(() -> s.syncNow("recieve"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("plan 'recieve' is not scheduled here; scheduled plans: [receive]");

        Plan p = counting("receive", new AtomicInteger());
        assertThatThrownBy(() -> SyncScheduler.builder()
                        .every(p, Duration.ofMinutes(5))
                        .every(p, null)
                        .pollInterval(Duration.ZERO)
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).violations())
                        .containsExactly(
                                "engine: is required (the SyncEngine that runs the plans)",
                                "plan 'receive': is scheduled twice; give each plan one schedule",
                                "plan 'receive': a schedule or interval is required",
                                "pollInterval: must be at least PT0.01S (was PT0S)"));
    }
}
