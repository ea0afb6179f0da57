package br.dev.sync.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.internal.jdbc.SdkTables;
import br.dev.sync.core.jdbc.JdbcSyncStore;
import br.dev.sync.core.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two schedulers in two "processes" (own pools, own JDBC stores, one database) never run a plan at once. */
class SchedulerAcrossProcessesH2Test {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.h2();

    static final String PREFIX = TestDatabase.prefix("sched_h2_");

    final MutableClock clock = new MutableClock(SyncSchedulerTest.T0);
    final List<RunOutcome> outcomes = new CopyOnWriteArrayList<>();
    final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        db.dropTables(new SdkTables(PREFIX).all());
    }

    SyncScheduler process(DataSource pool, SyncSchedulerTest.SlowPlan slow) {
        JdbcSyncStore store =
                JdbcSyncStore.builder(pool).tablePrefix(PREFIX).clock(clock).build();
        SyncEngine engine = SyncEngine.builder()
                .node("store-7")
                .store(store)
                .clock(clock)
                .leaseTtl(Duration.ofMinutes(10))
                .build();
        SyncScheduler s = SyncScheduler.builder()
                .engine(engine)
                .clock(clock)
                .every(slow.plan, Duration.ofMinutes(5))
                .listener(outcomes::add)
                .build();
        closing.add(0, engine);
        closing.add(0, s);
        return s;
    }

    @Test
    void theSecondProcessSkipsWhileTheFirstHoldsTheLease() throws Exception {
        SyncSchedulerTest.SlowPlan slow = new SyncSchedulerTest.SlowPlan("receive");
        SyncScheduler first = process(db.dataSource(), slow);
        SyncScheduler second = process(db.newDataSource(), slow);

        assertThat(first.tick()).containsExactly("receive");
        slow.awaitStarted();
        assertThat(second.tick()).containsExactly("receive");
        await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() == 1);
        assertThat(outcomes.get(0)).isInstanceOf(RunOutcome.Skipped.class);
        assertThat(((RunOutcome.Skipped) outcomes.get(0)).reason())
                .contains("plan 'receive' is already running on node store-7");

        slow.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() == 2);
        assertThat(outcomes.get(1)).isInstanceOf(RunOutcome.Succeeded.class);
        assertThat(slow.runs).hasValue(1);

        clock.advance(Duration.ofMinutes(5));
        assertThat(second.tick()).containsExactly("receive");
        await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() == 3);
        assertThat(outcomes.get(2)).as("the lease is free again").isInstanceOf(RunOutcome.Succeeded.class);
        assertThat(slow.runs).hasValue(2);
    }
}
