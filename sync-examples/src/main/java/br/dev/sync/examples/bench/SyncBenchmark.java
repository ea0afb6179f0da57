package br.dev.sync.examples.bench;

import br.dev.sync.portal.PortalPostal;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole-run benchmark: for each number of rows, a Portal Postal sandbox on loopback seeded with that many
 * pre-postings; for each database the ceilings, the SDK pulls, the naive baseline, the conflict pull and the push,
 * each in a child JVM with its own heap limit; then the central → branch topology on PostgreSQL. Prints one table.
 */
@Command(
        name = "sync-benchmark",
        mixinStandardHelpOptions = true,
        description = "Rows per second of the SDK against the databases' own ceilings, on the same rows.")
public final class SyncBenchmark implements Callable<Integer> {
    static final List<String> CASES = List.of(
            "ceiling",
            "copy",
            "copy-merge",
            "unnest",
            "pull",
            "pull-generic",
            "pull-portal",
            "conflict",
            "pull-update",
            "pull-portal-update",
            "naive",
            "push",
            "topology");

    static final int DEFAULT_WARM_PAGES = 30;
    private static final String PRE_POSTINGS = "pre-postagens";

    @Option(
            names = "--warm-pages",
            description = "Pages each case runs, into tables of its own, before its clock starts (default: "
                    + "${DEFAULT-VALUE}).")
    int warmPages = DEFAULT_WARM_PAGES;

    @Option(
            names = "--warm-rounds",
            description = "Most warm-up rounds of --warm-pages pages each case runs; it stops earlier once the JIT "
                    + "compilers spent under 5% of a round compiling (default: ${DEFAULT-VALUE}).")
    int warmRounds = Warmup.DEFAULT_MAX_ROUNDS;

    @Option(names = "--rows", split = ",", description = "Numbers of rows (default: ${DEFAULT-VALUE}).")
    List<Integer> rows = List.of(10_000, 100_000, 1_000_000);

    @Option(names = "--databases", split = ",", description = "h2, postgresql, mariadb (default: ${DEFAULT-VALUE}).")
    List<String> databases = List.of("h2", "postgresql", "mariadb");

    @Option(names = "--only", split = ",", description = "Cases to run, of: ${COMPLETION-CANDIDATES}; default all.")
    List<String> only = CASES;

    @Option(
            names = "--xmx",
            description = "Heap limit of every measured JVM but the naive one (default: ${DEFAULT-VALUE}).")
    String xmx = "128m";

    @Option(names = "--naive-xmx", description = "Heap limit of the naive baseline (default: ${DEFAULT-VALUE}).")
    String naiveXmx = "1g";

    @Option(names = "--naive-max-rows", description = "Skip the naive baseline above this (default: ${DEFAULT-VALUE}).")
    int naiveMaxRows = 100_000;

    @Option(names = "--timeout", description = "Seconds a case may take (default: ${DEFAULT-VALUE}).")
    long timeout = 1_800;

    @Option(names = "--jfr", description = "Folder to write a JFR recording of every measured JVM into.")
    String jfr;

    @Option(
            names = "--prefix",
            description = "Prefix of every table the benchmark makes (default: ${DEFAULT-VALUE}); runs sharing a"
                    + " database at the same time need different ones.")
    String prefix = BenchDb.PREFIX;

    @Option(
            names = "--in-process",
            description = "Run every case in this JVM (quick checks; heap figures are then the whole JVM's).")
    boolean inProcess;

    @Option(
            names = "--repeat",
            description = "Rounds of the chosen cases for each database and number of rows (default:"
                    + " ${DEFAULT-VALUE}). A figure's ratio is to the ceiling of its own round, run just before it;"
                    + " with more than one round a summary gives each figure's median and range.")
    int repeat = 1;

    @Option(names = "--markdown", description = "Also write the table as Markdown to this file.")
    Path markdown;

    private final List<ResultTable.Row> table = new ArrayList<>();
    private int round = 1;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SyncBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        for (String c : only) {
            if (!CASES.contains(c)) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this), "unknown case " + c + "; known: " + CASES);
            }
        }
        if (repeat < 1) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--repeat must be at least 1 (was " + repeat + ")");
        }
        if (jfr != null) {
            Files.createDirectories(Path.of(jfr));
        }
        PrintStream out = System.out;
        out.println(ResultTable.machine());
        ChildJvm jvm = new ChildJvm(jfr, warmPages, warmRounds);
        System.setProperty(BenchChild.WARM_PAGES, Integer.toString(warmPages)); // for --in-process
        System.setProperty(Warmup.MAX_ROUNDS, Integer.toString(warmRounds));
        for (int n : rows) {
            long t0 = System.nanoTime();
            try (PortalSandbox sandbox =
                    PortalSandbox.start(SandboxOptions.defaults().withPrePostings(n))) {
                out.printf(
                        "== %,d pre-postings seeded in %.1f s (sandbox at %s)%n",
                        n, (System.nanoTime() - t0) / 1e9, sandbox.baseUrl());
                for (round = 1; round <= repeat; round++) {
                    if (repeat > 1) {
                        out.printf("-- round %d of %d%n", round, repeat);
                    }
                    for (String kind : databases) {
                        BenchDb db = BenchDb.of(kind, prefix);
                        for (String kase : only) {
                            if (kase.endsWith("-update")) {
                                update(jvm, db, kase, n, sandbox);
                            } else if (!kase.equals("topology")) {
                                measure(jvm, db, kase, n, sandbox.baseUrl());
                            }
                        }
                        db.dropAll();
                    }
                    if (only.contains("topology") && databases.contains("postgresql")) {
                        topology(jvm, n, sandbox);
                    }
                }
            }
        }
        String text = ResultTable.format(table);
        out.println();
        out.println(text);
        String summary = repeat > 1 ? ResultTable.summary(table) : null;
        if (summary != null) {
            out.println(summary);
        }
        if (markdown != null) {
            Files.writeString(
                    markdown, ResultTable.markdown(table) + (summary != null ? "\n```\n" + summary + "```\n" : ""));
        }
        return table.stream()
                        .allMatch(
                                r -> r.result().measured() || r.result().note().startsWith("skipped"))
                ? 0
                : 1;
    }

    private void measure(ChildJvm jvm, BenchDb db, String kase, int n, String baseUrl) throws Exception {
        boolean pgOnly = kase.equals("copy") || kase.equals("copy-merge") || kase.equals("unnest");
        if (pgOnly && !db.kind().equals("postgresql")) {
            return;
        }
        if (kase.equals("naive") && n > naiveMaxRows) {
            add(Result.missing("naive (list + row commits)", db.kind(), n, "skipped: above --naive-max-rows"));
            return;
        }
        db.dropAll();
        String heap = kase.equals("naive") ? naiveXmx : xmx;
        run(jvm, heap, args(kase, db, n, baseUrl));
    }

    /**
     * A pull of newer versions of rows the table holds: the case's target is loaded by a pull of its own (not in
     * the table), every pre-posting the sandbox holds then gets a new weight and update time, and the measured JVM
     * pulls them from the checkpoint the load left. Its ratio is to the update pass of the batch-upsert ceiling.
     */
    private void update(ChildJvm jvm, BenchDb db, String kase, int n, PortalSandbox sandbox) throws Exception {
        db.dropAll();
        Result first = results(jvm, xmx, args(kase + "-load", db, n, sandbox.baseUrl()))
                .get(0);
        if (!first.measured()) {
            add(first);
            return;
        }
        long t0 = System.nanoTime();
        int touched = touchAll(sandbox);
        System.out.printf(
                "   loaded %,d rows in %.1f s; %,d pre-postings given a new weight in %.1f s%n",
                first.rows(), first.seconds(), touched, (System.nanoTime() - t0) / 1e9);
        run(jvm, xmx, args(kase, db, n, sandbox.baseUrl()));
    }

    /** Gives every pre-posting of the sandbox a new weight, which moves its update time (its version) to now. */
    static int touchAll(PortalSandbox sandbox) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int n = 0;
        for (String record : sandbox.records(PRE_POSTINGS)) {
            String key = json.readTree(record).path("codigoObjeto").asText();
            sandbox.update(PRE_POSTINGS, key, "pesoInformado", Integer.toString(100 + n % 29_900));
            n++;
        }
        return n;
    }

    private void topology(ChildJvm jvm, int n, PortalSandbox sandbox) throws Exception {
        BenchDb central = BenchDb.of("postgresql", prefix);
        String table = prefix + "central_pre_postings";
        BenchDb branch = Topology.branch(central);
        branch.dropAll();
        try (HikariDataSource ds = central.pool(2)) {
            long t0 = System.nanoTime();
            Topology.load(
                    ds,
                    table,
                    PortalPostal.connect(Pages.config(sandbox.baseUrl())).transport());
            System.out.printf("   central table loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            try (PgPagesServer server = new PgPagesServer(ds, table)) {
                List<String> args =
                        List.of("topology", "postgresql", branch.url(), String.valueOf(n), server.baseUrl(), prefix);
                run(jvm, xmx, args);
                try (Connection c = ds.getConnection()) {
                    PgPagesServer.touchAll(c, table);
                }
                List<String> update = List.of(
                        "topology-update", "postgresql", branch.url(), String.valueOf(n), server.baseUrl(), prefix);
                run(jvm, xmx, update);
            }
        } finally {
            central.dropAll();
            branch.dropAll();
        }
    }

    private void run(ChildJvm jvm, String heap, List<String> args) throws Exception {
        results(jvm, heap, args).forEach(this::add);
    }

    /** The figures of one measured JVM (or of this one, with {@code --in-process}), not yet in the table. */
    private List<Result> results(ChildJvm jvm, String heap, List<String> args) throws Exception {
        if (!inProcess) {
            System.gc(); // the sandbox's garbage goes now, not while the case's clock runs
        }
        return inProcess ? BenchChild.measure(args.toArray(String[]::new)) : jvm.run(heap, timeout, args);
    }

    /** What a measured JVM is told: the case, the database, the rows, the server and the table prefix. */
    private List<String> args(String kase, BenchDb db, int n, String baseUrl) {
        return List.of(kase, db.kind(), db.url(), String.valueOf(n), baseUrl, prefix);
    }

    /** The figures so far. */
    List<ResultTable.Row> table() {
        return List.copyOf(table);
    }

    private void add(Result r) {
        ResultTable.Row row = new ResultTable.Row(r, ResultTable.load(), round);
        table.add(row);
        System.out.println(ResultTable.line(row, table));
    }
}
