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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With DEBUG on for the pull runner (as in this module's test logging), each pulled partition says how long its
 * applying thread applied and how long it waited for pages: the one to look at first when a pull is slow.
 */
class PullTimingLogTest {
    private static final int PAGES = 8;
    private static final long SLOW_MILLIS = 60;
    private static final Pattern LINE = Pattern.compile("pull of items: (\\d+) records in (\\d+) pages in ([\\d.]+) s;"
            + " applying took ([\\d.]+) s \\(([\\d.]+) s of this thread's CPU\\), waiting for the next page to be"
            + " fetched and decoded ([\\d.]+) s");

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
    }

    @Test
    void aSlowStoreShowsAsTimeApplying() throws Exception {
        double[] t = pull(false, true);

        assertThat(t[1]).as("applying, s").isGreaterThanOrEqualTo(PAGES * SLOW_MILLIS / 1000.0);
        assertThat(t[2]).as("waiting, s").isLessThan(t[1]);
        // the store slept: the applying thread's own CPU is a small part of its time
        assertThat(t[3]).as("applying CPU, s").isLessThan(t[1] / 2);
    }

    @Test
    void aSlowRemoteShowsAsTimeWaitingForPages() throws Exception {
        double[] t = pull(true, false);

        // every fetch but the ones overlapped with a (fast) apply is waited for: at least most of them
        assertThat(t[2]).as("waiting, s").isGreaterThanOrEqualTo((PAGES - 2) * SLOW_MILLIS / 1000.0);
        assertThat(t[1]).as("applying, s").isLessThan(t[2]);
    }

    /** Pulls 8 pages, the remote or the store slowed; answers the logged total, applying, waiting and CPU seconds. */
    private double[] pull(boolean slowRemote, boolean slowStore) throws Exception {
        FakeRemote remote = new FakeRemote("fake-erp");
        remote.add("items", EnginePromisesTest.items(0, PAGES * 50, 1));
        SyncTransport transport = new SyncTransport() {
            @Override
            public String name() {
                return remote.name();
            }

            @Override
            public Page fetch(PageRequest request) {
                pause(slowRemote);
                return remote.fetch(request);
            }

            @Override
            public List<PushAck> push(PushBatch batch) {
                return remote.push(batch);
            }
        };
        InMemorySyncStore memory = new InMemorySyncStore();
        SyncStore store = (SyncStore) Proxy.newProxyInstance(
                SyncStore.class.getClassLoader(), new Class<?>[] {SyncStore.class}, (p, m, args) -> {
                    if (m.getName().equals("apply")) {
                        pause(slowStore);
                    }
                    try {
                        return m.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (SyncEngine engine = SyncEngine.builder().node("n").store(store).build()) {
            assertThat(engine.run(Step.pull(Item.stream("items").build(), transport)
                                    .pageSize(50))
                            .succeeded())
                    .isTrue();
        }

        Matcher m = LINE.matcher(captured.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).as("the timing line in %s", captured).isTrue();
        assertThat(m.group(1)).isEqualTo(Integer.toString(PAGES * 50));
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(PAGES);
        double total = Double.parseDouble(m.group(3));
        double applying = Double.parseDouble(m.group(4));
        double cpu = Double.parseDouble(m.group(5));
        double waiting = Double.parseDouble(m.group(6));
        assertThat(applying + waiting).isCloseTo(total, org.assertj.core.data.Offset.offset(0.002));
        assertThat(cpu).as("applying CPU, s").isPositive().isLessThanOrEqualTo(applying + 0.002);
        return new double[] {total, applying, waiting, cpu};
    }

    private static void pause(boolean slow) {
        if (slow) {
            try {
                Thread.sleep(SLOW_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
