package br.dev.sync.examples.bench;

import br.dev.sync.portal.PortalStreams;
import br.dev.sync.portal.PortalTables;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A database the benchmark writes into: its kind, its JDBC URL, a pool, and the benchmark's tables. Every table
 * the benchmark creates starts with the prefix ({@value #PREFIX} by default), so other users of the same database are never touched.
 */
record BenchDb(String kind, String url, String prefix) {
    /** The default prefix of the benchmark's tables; give two runs sharing a database different ones. */
    static final String PREFIX = "bench_sb_";

    static final String H2_DIR = System.getProperty("java.io.tmpdir") + "/sync-bench-h2";
    /**
     * PostgreSQL with batched inserts rewritten, and custom plans only: the SDK's version read ({@code key IN (500
     * parameters) FOR UPDATE}) otherwise may be cached as a generic plan made while the table was empty, a
     * sequential scan that makes a 100,000-row pull 8 times slower (see docs/performance.md).
     */
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&reWriteBatchedInserts=true"
            + "&options=-c%20plan_cache_mode%3Dforce_custom_plan";

    static final String MARIADB =
            "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=&rewriteBatchedStatements=true";

    /** The database of a kind, its URL from the environment or the local default. */
    static BenchDb of(String kind, String prefix) {
        return switch (kind) {
            case "h2" -> new BenchDb("h2", "jdbc:h2:file:" + H2_DIR + "/" + prefix + ";DB_CLOSE_ON_EXIT=FALSE", prefix);
            case "postgresql" -> new BenchDb(kind, env("SYNC_TEST_POSTGRES_URL", POSTGRES), prefix);
            case "mariadb" -> new BenchDb(kind, env("SYNC_TEST_MARIADB_URL", MARIADB), prefix);
            default ->
                throw new IllegalArgumentException("unknown database " + kind + "; use h2, postgresql or mariadb");
        };
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    BenchDb withUrl(String newUrl) {
        return new BenchDb(kind, newUrl, prefix);
    }

    HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (kind.equals("h2")) {
            config.setUsername("sa");
        }
        config.setMaximumPoolSize(size);
        config.setPoolName("bench-" + kind);
        return new HikariDataSource(config);
    }

    /** Drops every table of the benchmark (and the H2 files). */
    void dropAll() throws SQLException {
        if (kind.equals("h2")) {
            deleteH2Files(prefix);
            return;
        }
        try (HikariDataSource ds = pool(1);
                Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            for (String t : benchTables(c)) {
                s.execute("DROP TABLE IF EXISTS " + quote(t) + (kind.equals("postgresql") ? " CASCADE" : ""));
            }
        }
    }

    private List<String> benchTables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    String quote(String name) {
        return kind.equals("mariadb") ? "`" + name + "`" : "\"" + name + "\"";
    }

    static void deleteH2Files(String prefix) {
        Path dir = Path.of(H2_DIR);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + dir, e);
        }
    }

    /** Creates a table of the host's pre-postings shape (same columns as the Portal default table, plus deleted). */
    void createHostTable(Connection c, String table) throws SQLException {
        boolean maria = kind.equals("mariadb");
        String ts = maria ? "DATETIME(3)" : "TIMESTAMP(3)";
        // MariaDB refuses four VARCHAR(4000) in utf8mb4 (row size over 65,535 bytes): TEXT there
        String text = maria ? "TEXT" : "VARCHAR(4000)";
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (sync_key VARCHAR(80) NOT NULL PRIMARY KEY, version BIGINT NOT NULL,"
                    + " deleted BOOLEAN DEFAULT FALSE NOT NULL, tracking_code VARCHAR(255), service_code VARCHAR(255),"
                    + " client_id VARCHAR(255), weight_grams INTEGER NOT NULL, object_format INTEGER NOT NULL,"
                    + " height_cm INTEGER, width_cm INTEGER, length_cm INTEGER, diameter_cm INTEGER,"
                    + " invoice_number VARCHAR(255), nfe_key VARCHAR(255), content_items " + text + ","
                    + " additional_services " + text + ", note VARCHAR(255), sender " + text + ","
                    + " recipient " + text + ", status INTEGER NOT NULL, created_on DATE, updated_at " + ts + ")");
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /** The data columns of the pre-postings tables, in the record's order. */
    static List<String> dataColumns() {
        return List.copyOf(PortalTables.columns(PortalStreams.PRE_POSTINGS).values());
    }
}
