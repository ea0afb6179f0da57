package br.dev.sync.core.jdbc;

import br.dev.sync.core.Change;
import br.dev.sync.core.internal.jdbc.Dialect;
import br.dev.sync.core.internal.jdbc.Dialects;
import br.dev.sync.core.internal.jdbc.SdkTables;
import br.dev.sync.core.internal.json.Json;
import br.dev.sync.core.spi.ApplyBatch;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows per second of {@link JdbcSyncStore#apply} (a page of 1,000 per transaction, checkpoint included) into the
 * generic table and into a mapped host table, inserts then updates, next to the raw JDBC batch upsert of the same
 * rows (the dialect's statement, a commit per 1,000, no version pre-read): the ceiling. Not a test; run it with
 * the test classpath: {@code java -cp ... br.dev.sync.core.jdbc.ApplyBenchmark [rows]}; each figure is the best of
 * {@code -Drepeats=2} runs, since the machine may be shared. H2 always runs (in
 * memory); PostgreSQL and MariaDB run when {@code SYNC_TEST_POSTGRES_URL} / {@code SYNC_TEST_MARIADB_URL} are set.
 */
public final class ApplyBenchmark {
    private static final String STREAM = "pre-postings";
    private static final String PREFIX = "bench_";
    private static final String HOST = "bench_pre_postings";
    private static final int PAGE = 1000;
    private static final int REPEATS = Integer.getInteger("repeats", 2);
    private static final String[] COLUMNS = {
        "tracking_code",
        "service_code",
        "sender_name",
        "sender_doc",
        "recipient_name",
        "street",
        "street_number",
        "complement",
        "district",
        "city",
        "state",
        "cep",
        "weight_grams",
        "height_cm",
        "width_cm",
        "length_cm",
        "declared_value",
        "notes",
        "agency",
        "posted_on"
    };

    private ApplyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("H2 2.5 (in memory)", "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
        if (System.getenv("SYNC_TEST_POSTGRES_URL") != null) {
            urls.put("PostgreSQL", System.getenv("SYNC_TEST_POSTGRES_URL"));
        }
        if (System.getenv("SYNC_TEST_MARIADB_URL") != null) {
            urls.put("MariaDB", System.getenv("SYNC_TEST_MARIADB_URL"));
        }
        List<Change> sample = List.of(change(1, 1));
        System.out.printf(
                "%d rows of %d fields, ~%d bytes as JSON, pages of %d%n",
                rows,
                COLUMNS.length,
                Json.mapper().writeValueAsString(sample.get(0).fields()).length(),
                PAGE);
        for (Map.Entry<String, String> db : urls.entrySet()) {
            run(db.getKey(), db.getValue(), rows);
        }
    }

    private static void run(String name, String url, int rows) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (url.startsWith("jdbc:h2")) {
            config.setUsername("sa");
        }
        config.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            reset(ds);
            JdbcSyncStore warm = JdbcSyncStore.builder(ds).tablePrefix(PREFIX).build();
            applyAll(warm, 20_000, 1);
            long[] best = new long[6];
            java.util.Arrays.fill(best, Long.MAX_VALUE);
            for (int rep = 0; rep < REPEATS; rep++) {
                reset(ds);
                JdbcSyncStore generic =
                        JdbcSyncStore.builder(ds).tablePrefix(PREFIX).build();
                JdbcSyncStore mapped = JdbcSyncStore.builder(ds).tablePrefix(PREFIX).stream(StreamTable.stream(STREAM)
                                .table(HOST)
                                .deleted("deleted")
                                .build())
                        .migrate(false)
                        .build();
                keepBest(best, 0, applyAll(generic, rows, 1));
                keepBest(best, 1, applyAll(generic, rows, 2));
                keepBest(best, 2, applyAll(mapped, rows, 1));
                keepBest(best, 3, applyAll(mapped, rows, 2));
                truncateHost(ds);
                keepBest(best, 4, raw(ds, rows, 1));
                keepBest(best, 5, raw(ds, rows, 2));
            }
            System.out.println("== " + name + " (best of " + REPEATS + ")");
            String[] what = {
                "store apply, generic table, insert", "store apply, generic table, update",
                "store apply, mapped table,  insert", "store apply, mapped table,  update",
                "raw JDBC batch upsert,      insert", "raw JDBC batch upsert,      update"
            };
            for (int i = 0; i < what.length; i++) {
                report(what[i], rows, best[i]);
            }
            reset(ds);
            dropHost(ds);
        }
    }

    private static void keepBest(long[] best, int i, long nanos) {
        best[i] = Math.min(best[i], nanos);
    }

    private static void report(String what, int rows, long nanos) {
        System.out.printf("  %-38s %,10.0f rows/s  (%.1f s)%n", what, rows / (nanos / 1e9), nanos / 1e9);
    }

    private static long applyAll(JdbcSyncStore store, int rows, long version) {
        long started = System.nanoTime();
        for (int from = 0; from < rows; from += PAGE) {
            List<Change> page = new ArrayList<>(PAGE);
            for (int i = from; i < Math.min(rows, from + PAGE); i++) {
                page.add(change(i, version));
            }
            var result = store.apply(ApplyBatch.of(
                    STREAM,
                    page,
                    new br.dev.sync.core.CheckpointId("bench", STREAM, "", ""),
                    "page-" + version + "-" + from));
            if (result.applied() != page.size()) {
                throw new IllegalStateException("applied " + result.applied() + " of " + page.size());
            }
        }
        return System.nanoTime() - started;
    }

    private static long raw(HikariDataSource ds, int rows, long version) throws SQLException {
        try (Connection c = ds.getConnection()) {
            Dialect d = Dialects.detect(c);
            List<String> cols = new ArrayList<>(List.of("id"));
            cols.addAll(List.of(COLUMNS));
            cols.add("deleted");
            cols.add("version");
            String sql = d.versionedUpsert(HOST, cols, List.of("id"), "version");
            c.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < rows; i++) {
                    Change ch = change(i, version);
                    int p = 1;
                    ps.setString(p++, ch.key());
                    for (String col : COLUMNS) {
                        ps.setObject(p++, ch.fields().get(col));
                    }
                    ps.setBoolean(p++, false);
                    ps.setLong(p, version);
                    ps.addBatch();
                    if ((i + 1) % PAGE == 0 || i == rows - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            return System.nanoTime() - started;
        }
    }

    /** A pre-posting: ~650 bytes as JSON over 20 fields. */
    public static Change change(int i, long version) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("tracking_code", String.format("QB%09dBR", i));
        f.put("service_code", version == 1 ? "03220" : "03298");
        f.put("sender_name", "Comercial Exemplo de Artigos Domesticos Ltda " + (i % 97));
        f.put("sender_doc", String.format("%014d", 11_222_333_000_181L + i % 1000));
        f.put("recipient_name", "Maria Aparecida dos Santos Oliveira " + i);
        f.put("street", "Avenida Presidente Juscelino Kubitschek de Oliveira");
        f.put("street_number", String.valueOf(100 + i % 9000));
        f.put("complement", "Bloco B, apartamento " + (i % 300) + ", fundos");
        f.put("district", "Jardim Paulistano");
        f.put("city", "Sao Jose dos Campos");
        f.put("state", "SP");
        f.put("cep", String.format("%08d", 12_000_000 + i % 99_999));
        f.put("weight_grams", 300 + i % 5000);
        f.put("height_cm", 2 + i % 40);
        f.put("width_cm", 11 + i % 50);
        f.put("length_cm", 16 + i % 60);
        f.put("declared_value", new BigDecimal(i % 100_000).movePointLeft(2).add(BigDecimal.valueOf(version)));
        f.put("notes", "Entregar em horario comercial; fragil; conferir documento na entrega, versao " + version);
        f.put("agency", "0042");
        f.put("posted_on", LocalDate.of(2026, 11, 1).plusDays(i % 20));
        return Change.upsert(STREAM, String.format("PP-%010d", i), version, f, "portal");
    }

    private static void reset(HikariDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            for (String t : new SdkTables(PREFIX).all()) {
                s.execute("DROP TABLE IF EXISTS " + t);
                if (c.getMetaData().getDatabaseProductName().contains("H2")) {
                    s.execute("DROP TABLE IF EXISTS \"" + t + "\"");
                }
            }
            s.execute("DROP TABLE IF EXISTS " + HOST);
            s.execute("CREATE TABLE " + HOST + " (id VARCHAR(40) NOT NULL PRIMARY KEY, version BIGINT NOT NULL,"
                    + " deleted BOOLEAN NOT NULL, tracking_code VARCHAR(13), service_code VARCHAR(10),"
                    + " sender_name VARCHAR(80), sender_doc VARCHAR(14), recipient_name VARCHAR(80),"
                    + " street VARCHAR(100), street_number VARCHAR(10), complement VARCHAR(60), district VARCHAR(60),"
                    + " city VARCHAR(60), state VARCHAR(2), cep VARCHAR(8), weight_grams INT, height_cm INT,"
                    + " width_cm INT, length_cm INT, declared_value DECIMAL(12, 2), notes VARCHAR(200),"
                    + " agency VARCHAR(10), posted_on DATE)");
        }
    }

    private static void truncateHost(HikariDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + HOST);
        }
    }

    private static void dropHost(HikariDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + HOST);
        }
    }
}
