package br.dev.sync.examples.bench;

import br.dev.sync.core.jdbc.JdbcSyncStore;
import br.dev.sync.core.spi.SyncTransport;
import br.dev.sync.portal.PortalPostal;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured case, run by {@link SyncBenchmark} in a JVM of its own so that its heap is its own: arguments are
 * the case, the database kind, its JDBC URL, the number of rows and the base URL of the server holding them. It
 * prints one {@link Result} line per figure. Setup (tables, outbox fill) is outside the clock and the heap figures.
 */
public final class BenchChild {
    /** The system property that says how many pages each case runs before its clock starts. */
    static final String WARM_PAGES = "bench.warmPages";

    private BenchChild() {}

    public static void main(String[] args) {
        measure(args).forEach(r -> System.out.println(r.line()));
        if (Boolean.getBoolean("bench.threads")) {
            // threads that ended inside the clock (the engine's) show in neither column
            var before = CpuMeter.threadsAtReset;
            CpuMeter.byThread().entrySet().stream()
                    .filter(e -> e.getValue() >= 0.1)
                    .forEach(e -> System.err.printf(
                            "cpu %-16s %6.1f s in all, %6.1f s after the clock started%n",
                            e.getKey(), e.getValue(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)));
        }
        System.out.flush();
        System.exit(0);
    }

    /** Runs the case the arguments name and answers its figures (a figure with a note when it failed). */
    static List<Result> measure(String... args) {
        String kase = args[0];
        BenchDb db = new BenchDb(args[1], args[2], args[5]);
        int rows = Integer.parseInt(args[3]);
        String baseUrl = args[4];
        List<Result> results = new ArrayList<>();
        try (HeapMeter heap = new HeapMeter();
                HikariDataSource ds = db.pool(4)) {
            results.addAll(new BenchChild.Run(kase, db, ds, rows, baseUrl, heap).run());
        } catch (Exception | OutOfMemoryError e) {
            results.add(Result.missing(kase, db.kind(), rows, e.getClass().getSimpleName() + ": " + e.getMessage()));
            e.printStackTrace();
        }
        return results;
    }

    /** The state of one run. */
    private record Run(
            String kase, BenchDb db, HikariDataSource ds, int rows, String baseUrl, HeapMeter heap, CpuMeter cpu) {
        static int warmPages() {
            return Integer.getInteger(WARM_PAGES, SyncBenchmark.DEFAULT_WARM_PAGES);
        }

        Run(String kase, BenchDb db, HikariDataSource ds, int rows, String baseUrl, HeapMeter heap) {
            this(kase, db, ds, rows, baseUrl, heap, new CpuMeter());
        }

        /**
         * Starts the heap and CPU figures afresh: what comes next is measured. PostgreSQL first writes out what the
         * setup and warm-up left dirty ({@code CHECKPOINT}), so that a checkpoint they caused does not land inside
         * the clock of the case after them.
         */
        private void reset() {
            if (db.kind().equals("postgresql")) {
                try (Connection c = ds.getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT");
                } catch (SQLException e) {
                    System.err.println("no CHECKPOINT before the clock (" + e.getMessage() + ")");
                }
            }
            heap.reset();
            cpu.reset();
        }

        List<Result> run() throws Exception {
            SyncTransport transport =
                    PortalPostal.connect(Pages.config(baseUrl)).transport();
            SdkCases sdk = new SdkCases(db, ds, transport, db.prefix());
            CeilingCases ceiling = new CeilingCases(db, ds, transport, db.prefix() + "pre_postings");
            switch (kase) {
                case "ceiling": {
                    warmCeiling(CeilingCases::upsert);
                    reset();
                    Stopwatch[] clocks = ceiling.upsert();
                    return List.of(
                            result("ceiling upsert, insert", clocks[0]), result("ceiling upsert, update", clocks[1]));
                }
                case "copy": {
                    warmCeiling(CeilingCases::copy);
                    reset();
                    return List.of(result("ceiling COPY, insert", ceiling.copy()));
                }
                case "copy-merge": {
                    warmCeiling(CeilingCases::copyMerge);
                    reset();
                    Stopwatch[] clocks = ceiling.copyMerge();
                    return List.of(result("COPY+merge, insert", clocks[0]), result("COPY+merge, update", clocks[1]));
                }
                case "unnest": {
                    warmCeiling(CeilingCases::unnest);
                    reset();
                    Stopwatch[] clocks = ceiling.unnest();
                    return List.of(
                            result("set upsert (unnest), insert", clocks[0]),
                            result("set upsert (unnest), update", clocks[1]));
                }
                case "pull":
                    return List.of(pull("SDK pull, mapped table", SdkCases.Target.MAPPED, sdk));
                case "pull-generic":
                    return List.of(pull("SDK pull, generic table", SdkCases.Target.GENERIC, sdk));
                case "pull-portal":
                    return List.of(pull("SDK pull, Portal table", SdkCases.Target.PORTAL_TABLE, sdk));
                case "conflict": {
                    warmPull(SdkCases.Target.MAPPED);
                    JdbcSyncStore store = sdk.store(SdkCases.Target.MAPPED, false);
                    sdk.pendingChanges(store);
                    return List.of(timedPull("SDK pull, 10% conflicts", store, transport));
                }
                case "pull-update-load":
                    return List.of(load("SDK pull, mapped table, load", SdkCases.Target.MAPPED, sdk));
                case "pull-portal-update-load":
                    return List.of(load("SDK pull, Portal table, load", SdkCases.Target.PORTAL_TABLE, sdk));
                case "pull-update":
                    return List.of(updatePull("SDK pull, mapped table, update", SdkCases.Target.MAPPED, sdk));
                case "pull-portal-update":
                    return List.of(updatePull("SDK pull, Portal table, update", SdkCases.Target.PORTAL_TABLE, sdk));
                case "topology":
                    return List.of(pull("topology PG->PG, insert", SdkCases.Target.MAPPED, sdk));
                case "topology-update":
                    warmUpdate(SdkCases.Target.MAPPED);
                    return List.of(
                            timedPull("topology PG->PG, update", sdk.store(SdkCases.Target.MAPPED, true), transport));
                case "naive": {
                    reset();
                    long t0 = System.nanoTime();
                    long n = new NaiveCase(db, ds, baseUrl).run();
                    return List.of(counted("naive (list + row commits)", System.nanoTime() - t0, n));
                }
                case "push": {
                    JdbcSyncStore store = sdk.outbox(rows, Long.toString(System.nanoTime() % 100_000));
                    reset();
                    long t0 = System.nanoTime();
                    long n = sdk.push(store);
                    return List.of(counted("SDK push (outbox to server)", System.nanoTime() - t0, n));
                }
                default:
                    throw new IllegalArgumentException("unknown case " + kase);
            }
        }

        /** Warm-up pulls of the first pages into tables of their own, then the measured pull. */
        private Result pull(String label, SdkCases.Target target, SdkCases sdk) throws Exception {
            warmPull(target);
            return load(label, target, sdk);
        }

        /** A timed pull into a new table, with no warm-up of its own: what the update cases start from. */
        private Result load(String label, SdkCases.Target target, SdkCases sdk) throws Exception {
            return timedPull(label, sdk.store(target, false), transportOf());
        }

        /** The pull of newer versions into the table the load filled, after warm-up rounds of the same path. */
        private Result updatePull(String label, SdkCases.Target target, SdkCases sdk) throws Exception {
            warmUpdate(target);
            return timedPull(label, sdk.store(target, true), transportOf());
        }

        /**
         * Warm-up rounds of pulls into stored rows: each pulls the first pages into tables of its own, lowers their
         * versions, and pulls the same pages again through a store with no checkpoint, every row then newer than
         * the stored one (warming inserts alone left the JIT compiling 2 s into a measured update pull).
         */
        private void warmUpdate(SdkCases.Target target) throws Exception {
            warm(prefix -> {
                SyncTransport pages = firstPages();
                SdkCases warm = new SdkCases(db, ds, pages, prefix);
                SdkCases.pull(warm.store(target, false), pages);
                warm.lowerVersions(target);
                SdkCases.pull(warm.store(target, true, prefix + "again_"), firstPages());
            });
        }

        /** Warm-up rounds of pulls of the first pages (see {@link Warmup}), each into tables of its own. */
        private void warmPull(SdkCases.Target target) throws Exception {
            warm(prefix -> {
                SyncTransport pages = firstPages();
                SdkCases.pull(new SdkCases(db, ds, pages, prefix).store(target, false), pages);
            });
        }

        /** Warm-up rounds of a ceiling case on the first pages, each into a table of its own. */
        private void warmCeiling(CeilingRound round) throws Exception {
            warm(prefix -> round.run(new CeilingCases(db, ds, firstPages(), prefix + "pre_postings")));
        }

        /** One ceiling case, whatever it answers. */
        @FunctionalInterface
        private interface CeilingRound {
            Object run(CeilingCases ceiling) throws Exception;
        }

        private void warm(Warmup.Round round) throws Exception {
            System.err.println(Warmup.run(db.prefix(), round).line());
        }

        private SyncTransport firstPages() {
            return new FirstPages(transportOf(), warmPages());
        }

        private SyncTransport transportOf() {
            return PortalPostal.connect(Pages.config(baseUrl)).transport();
        }

        private Result timedPull(String label, JdbcSyncStore store, SyncTransport transport) {
            reset();
            long t0 = System.nanoTime();
            long applied = SdkCases.pull(store, transport);
            return counted(label, System.nanoTime() - t0, applied);
        }

        private Result counted(String label, long nanos, long n) {
            Result r = result(label, nanos, cpu.spent());
            return n == rows ? r : withNote(r, "wrote " + n + " of " + rows);
        }

        /** A ceiling's figure: its clock runs only while pages are written, and so does its CPU figure. */
        private Result result(String label, Stopwatch clock) {
            return result(label, clock.nanos(), clock.cpu());
        }

        private Result result(String label, long nanos, CpuMeter.Cpu spent) {
            return new Result(label, db.kind(), rows, nanos / 1e9, heap.peakUsedMb(), heap.liveMb(), spent, "");
        }

        private static Result withNote(Result r, String note) {
            return new Result(
                    r.label(), r.database(), r.rows(), r.seconds(), r.peakUsedMb(), r.liveMb(), r.cpu(), note);
        }
    }
}
