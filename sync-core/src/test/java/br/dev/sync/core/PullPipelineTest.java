package br.dev.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.spi.Page;
import br.dev.sync.core.spi.PageRequest;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.spi.SyncTransport;
import br.dev.sync.core.testkit.FakeRemote;
import br.dev.sync.core.testkit.Item;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A pull is a pipeline of three stages on their own threads: while the store applies page n, page n+1 is decoded
 * and validated and page n+2 is fetched. It runs no further ahead than that, so memory holds at most three pages.
 */
class PullPipelineTest {
    static final int PAGE = 100;

    @Test
    void whileAPageIsAppliedTheNextIsDecodedAndTheOneAfterFetchedAndNoMore() throws Exception {
        FakeRemote remote = new FakeRemote("fake-erp");
        remote.add("items", EnginePromisesTest.items(0, 10 * PAGE, 1));
        AtomicInteger fetched = new AtomicInteger();
        AtomicInteger decoded = new AtomicInteger();
        CountDownLatch thirdPageFetched = new CountDownLatch(1);
        CountDownLatch secondPageDecoded = new CountDownLatch(1);
        SyncTransport counting = new SyncTransport() {
            @Override
            public String name() {
                return remote.name();
            }

            @Override
            public Page fetch(PageRequest request) {
                Page page = remote.fetch(request);
                if (fetched.incrementAndGet() == 3) {
                    thirdPageFetched.countDown();
                }
                return page;
            }

            @Override
            public List<PushAck> push(PushBatch batch) {
                return remote.push(batch);
            }
        };
        SyncStream<Item> items = Item.stream("items")
                .decoder(raw -> {
                    Item item = Item.stream("x").build().decode(raw);
                    if (decoded.incrementAndGet() == 2 * PAGE) {
                        secondPageDecoded.countDown();
                    }
                    return item;
                })
                .build();
        int[] whileFirstApplied = new int[3];
        boolean[] overlapped = new boolean[2];
        InMemorySyncStore memory = new InMemorySyncStore();
        AtomicInteger applies = new AtomicInteger();
        SyncStore holding = (SyncStore) Proxy.newProxyInstance(
                SyncStore.class.getClassLoader(), new Class<?>[] {SyncStore.class}, (p, m, args) -> {
                    if (m.getName().equals("apply") && applies.incrementAndGet() == 1) {
                        // the first page's apply waits: the next stages must go on without it
                        overlapped[0] = thirdPageFetched.await(10, TimeUnit.SECONDS);
                        overlapped[1] = secondPageDecoded.await(10, TimeUnit.SECONDS);
                        Thread.sleep(200); // time to run further ahead, if it would
                        whileFirstApplied[0] = fetched.get();
                        whileFirstApplied[1] = decoded.get();
                    }
                    try {
                        return m.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        try (SyncEngine engine = SyncEngine.builder().node("n").store(holding).build()) {
            SyncReport report = engine.run(Step.pull(items, counting).pageSize(PAGE));

            assertThat(report.succeeded()).isTrue();
            assertThat(report.total(StepReport::applied)).isEqualTo(10 * PAGE);
        }
        assertThat(overlapped).containsExactly(true, true);
        assertThat(whileFirstApplied[0])
                .as("pages fetched while page 1 was applied")
                .isEqualTo(3);
        assertThat(whileFirstApplied[1])
                .as("records decoded while page 1 was applied")
                .isEqualTo(2 * PAGE);
    }
}
