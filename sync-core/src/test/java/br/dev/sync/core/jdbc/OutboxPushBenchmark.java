package br.dev.sync.core.jdbc;

import br.dev.sync.core.Change;
import br.dev.sync.core.spi.OutboxEntry;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The outbox's drain as a push does it, on an H2 file database in a temporary folder: fills the outbox with
 * {@code entries} processed objects of about 420 characters of JSON each (untimed, a transaction per 1,000), then
 * claims and acknowledges batches of 1,000 until it is empty. Prints the drain's time, its peak used heap and the
 * heap left by collections (flat when nothing is kept). Not a test; run it with the test classpath in a small heap:
 * {@code java -Xmx128m -cp ... br.dev.sync.core.jdbc.OutboxPushBenchmark [entries]}; {@code -Dprogress=10000}
 * prints a line every 10,000 entries. {@code -Durl=...} runs it on another database instead (tables prefixed
 * {@code bench_ob_}, emptied first).
 */
public final class OutboxPushBenchmark {
    private static final String STREAM = "processed-objects";
    private static final int BATCH = 1000;
    /** A line every this many acknowledged entries; 0: none. */
    private static final int PROGRESS = Integer.getInteger("progress", 0);

    private OutboxPushBenchmark() {}

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("sync-outbox-bench");
        try {
            run(entries, dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void run(int entries, Path dir) throws Exception {
        String url = System.getProperty("url", "jdbc:h2:file:" + dir + "/outbox;DB_CLOSE_ON_EXIT=FALSE");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (url.startsWith("jdbc:h2:")) {
            config.setUsername("sa");
        }
        config.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            JdbcSyncStore store =
                    JdbcSyncStore.builder(ds).tablePrefix("bench_ob_").build();
            if (!url.startsWith("jdbc:h2:")) {
                drain(store, Integer.MAX_VALUE);
            }
            long t0 = System.nanoTime();
            fill(ds, store, entries);
            System.out.printf("filled %d entries in %.2f s%n", entries, (System.nanoTime() - t0) / 1e9);
            if (url.startsWith("jdbc:h2:")) {
                try (Connection c = ds.getConnection();
                        Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM"
                                + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.CACHE_SIZE',"
                                + " 'LOB_TIMEOUT', 'MAX_LENGTH_INPLACE_LOB')")) {
                    while (rs.next()) {
                        System.out.printf("H2 %s = %s%n", rs.getString(1), rs.getString(2));
                    }
                }
            }
            Peak peak = Peak.start();
            t0 = System.nanoTime();
            long pending = store.pendingCount(STREAM);
            long pushed = drain(store, entries);
            double s = (System.nanoTime() - t0) / 1e9;
            peak.stop();
            System.out.printf(
                    "drained %d of %d pending in %.2f s (%.0f entries/s); %s%n", pushed, pending, s, pushed / s, peak);
        }
    }

    private static void fill(HikariDataSource ds, JdbcSyncStore store, int entries) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < entries; i++) {
                store.appendIn(c, change(i));
                if ((i + 1) % 1_000 == 0) {
                    c.commit();
                }
            }
            c.commit();
        }
    }

    /** Claims and acknowledges every batch until the outbox is empty; answers the entries acknowledged. */
    static long drain(JdbcSyncStore store, int expected) {
        long started = System.nanoTime();
        long done = 0;
        while (true) {
            PushBatch batch = store.claimBatch(STREAM, BATCH, () -> "bench-" + UUID.randomUUID());
            if (batch.isEmpty()) {
                return done;
            }
            List<PushAck> acks = batch.entries().stream()
                    .map(OutboxEntry::sequence)
                    .map(PushAck::accepted)
                    .toList();
            store.acknowledge(batch, acks, List.of());
            done += acks.size();
            if (PROGRESS > 0 && done % PROGRESS == 0) {
                System.out.printf(
                        "  %d acknowledged after %.1f s, used heap %d MB%n",
                        done, (System.nanoTime() - started) / 1e9, used() >> 20);
            }
            if (done > expected) {
                throw new IllegalStateException("drained more than was appended: " + done);
            }
        }
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A processed object as the Portal pushes it: about 420 characters of JSON. */
    static Change change(int i) {
        String digits = String.format("%08d", i);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("trackingCode", "PB" + digits + "7BR");
        fields.put("serviceCode", "03220");
        fields.put("contractCode", "C9912345678");
        fields.put("weightGrams", 100 + i % 30_000);
        fields.put("declaredValue", BigDecimal.valueOf(1_000 + i % 90_000, 2));
        fields.put("postedOn", "2026-11-20");
        fields.put("processedAt", "2026-11-22T13:33:35.123456Z");
        fields.put("agency", "AC CENTRAL DE SAO PAULO - SP");
        fields.put("notes", "object processed at the counter, label printed and scanned");
        return Change.upsert(STREAM, "PB" + digits + "7BR", 1, fields, "bench");
    }

    /**
     * Heap use while it runs, sampled every 10 ms: the highest used heap, and the heap left by the latest collection
     * (the heap pools' collection usage; mean over the samples and highest), which stays flat when nothing is kept.
     */
    private static final class Peak {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported())
                .toList();
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final Thread thread = new Thread(this::sample, "heap-sampler");
        private volatile boolean running = true;
        private long used;
        private long leftMax;
        private long leftSum;
        private long samples;

        static Peak start() {
            System.gc();
            Peak p = new Peak();
            p.thread.setDaemon(true);
            p.thread.start();
            return p;
        }

        private void sample() {
            while (running) {
                long left = pools.stream()
                        .mapToLong(p -> p.getCollectionUsage().getUsed())
                        .sum();
                synchronized (this) {
                    used = Math.max(used, memory.getHeapMemoryUsage().getUsed());
                    leftMax = Math.max(leftMax, left);
                    leftSum += left;
                    samples++;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        @Override
        public synchronized String toString() {
            return String.format(
                    "peak used heap %d MB, left by collections mean %d / max %d MB, max heap %d MB",
                    used >> 20,
                    samples == 0 ? 0 : (leftSum / samples) >> 20,
                    leftMax >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }
}
