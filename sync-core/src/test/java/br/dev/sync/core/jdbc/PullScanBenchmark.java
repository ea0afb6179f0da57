package br.dev.sync.core.jdbc;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.StoredRecord;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.h2.tools.DeleteDbFiles;

/**
 * A pull into the generic records table and the reads after it, on an H2 file database in a temporary folder behind
 * a connection pool: applies {@code records} processed objects (about 420 characters of JSON each) in pages of 1,000,
 * each page with its checkpoint and, unless {@code -Dbaseline=false}, the baselines the merge rule keeps; then reads
 * every page's keys back, then scans the stream. Prints each phase's time, the bytes it allocated, the heap in use
 * after a full collection at its end, and how many large objects H2 still holds for the pool's
 * connections (values a query answered, kept on the session for LOB_TIMEOUT; none once the SDK's tables hold no
 * large object). Not a test; run it with the test classpath in a small heap:
 * {@code java -Xmx128m -cp ... br.dev.sync.core.jdbc.PullScanBenchmark [records]}.
 */
public final class PullScanBenchmark {
    private static final String STREAM = "processed-objects";
    private static final int PAGE = 1000;
    private static final int POOL = 4;
    private static final boolean BASELINE = Boolean.parseBoolean(System.getProperty("baseline", "true"));

    private PullScanBenchmark() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("sync-pull-bench");
        try {
            run(records, dir);
        } finally {
            DeleteDbFiles.execute(dir.toString(), "pull", true);
            Files.delete(dir);
        }
    }

    private static void run(int records, Path dir) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir + "/pull;DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setMaximumPoolSize(POOL);
        config.setMinimumIdle(POOL);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            JdbcSyncStore store = JdbcSyncStore.on(ds);
            System.out.printf(
                    "%d records in pages of %d, baselines %s, max heap %d MB, heap after GC at the start %d MB%n",
                    records,
                    PAGE,
                    BASELINE ? "kept" : "not kept",
                    Runtime.getRuntime().maxMemory() >> 20,
                    afterGc());

            phase("apply", ds, () -> {
                CheckpointId checkpoint = new CheckpointId("bench", STREAM, "", "");
                for (int from = 0; from < records; from += PAGE) {
                    List<Change> page = new ArrayList<>();
                    for (int i = from; i < Math.min(records, from + PAGE); i++) {
                        page.add(OutboxPushBenchmark.change(i));
                    }
                    ApplyBatch batch = new ApplyBatch(
                            STREAM,
                            page,
                            List.of(),
                            List.of(),
                            List.of(),
                            Map.of(),
                            List.of(),
                            checkpoint,
                            "{\"after\":\"" + page.get(page.size() - 1).key() + "\"}",
                            BASELINE,
                            null);
                    store.apply(batch);
                }
                return records;
            });
            phase("read", ds, () -> {
                long found = 0;
                for (int from = 0; from < records; from += PAGE) {
                    List<String> keys = new ArrayList<>();
                    for (int i = from; i < Math.min(records, from + PAGE); i++) {
                        keys.add(OutboxPushBenchmark.change(i).key());
                    }
                    Collection<StoredRecord> page = store.read(STREAM, keys).values();
                    found += page.size();
                }
                return found;
            });
            phase("scan", ds, () -> {
                long[] seen = new long[1];
                store.scan(STREAM, r -> seen[0] += r.fields().isEmpty() ? 0 : 1);
                return seen[0];
            });
        }
    }

    private interface Work {
        long run() throws Exception;
    }

    private static void phase(String name, HikariDataSource ds, Work work) throws Exception {
        long allocated = allocated();
        long t0 = System.nanoTime();
        long n = work.run();
        double s = (System.nanoTime() - t0) / 1e9;
        allocated = allocated() - allocated;
        System.out.printf(
                "%-5s %7d records in %6.2f s (%6.0f/s), allocated %6d MB, heap after GC %4d MB,"
                        + " large objects held by the pool's sessions: %s%n",
                name, n, s, n / s, allocated >> 20, afterGc(), heldLobs(ds));
    }

    /** Bytes this thread allocated so far (HotSpot's thread MXBean). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static long afterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static String heldLobs(HikariDataSource ds) {
        try {
            return Integer.toString(H2Sessions.heldLargeObjects(ds, POOL));
        } catch (Exception e) {
            return "? (" + e + ")";
        }
    }
}
