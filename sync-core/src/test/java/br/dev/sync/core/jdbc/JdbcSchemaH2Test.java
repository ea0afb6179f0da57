package br.dev.sync.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineQuery;
import br.dev.sync.core.QuarantineStage;
import br.dev.sync.core.StepReport;
import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.internal.jdbc.Migrations;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.ApplyResult;
import br.dev.sync.core.spi.Marker;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import br.dev.sync.core.spi.StoredRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SDK's schema: Flyway under its own history table, and the plain SQL that matches the migrations. */
class JdbcSchemaH2Test {
    /** The columns that H2 keeps as large objects, in a database that holds the SDK's tables only. */
    static final String LARGE_OBJECTS = "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
            + " WHERE TABLE_SCHEMA = 'PUBLIC' AND DATA_TYPE LIKE '%LARGE OBJECT%'";

    private static final Pattern DROP_INDEX = Pattern.compile("DROP INDEX (\\S+)");
    private static final Pattern ALTER_TYPE =
            Pattern.compile("ALTER TABLE (\\S+) ALTER COLUMN (\\S+) SET DATA TYPE ([^;]+)", Pattern.DOTALL);

    private static JdbcDataSource newDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:schema_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    @Test
    void migrationsKeepTheirOwnHistoryAndLeaveTheHostsFlywayHistoryAlone() throws SQLException {
        JdbcDataSource ds = newDatabase();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"flyway_schema_history\" (\"installed_rank\" INT PRIMARY KEY,"
                    + " \"version\" VARCHAR(50), \"description\" VARCHAR(200), \"success\" BOOLEAN)");
            s.execute("INSERT INTO \"flyway_schema_history\" VALUES (1, '1', 'host tables', TRUE)");
            s.execute("CREATE TABLE host_orders (id INT PRIMARY KEY)");
        }
        List<String> hostHistory = rows(ds, "SELECT * FROM \"flyway_schema_history\"");

        JdbcSyncStore.on(ds).close();
        JdbcSyncStore.on(ds).close();

        assertThat(rows(ds, "SELECT * FROM \"flyway_schema_history\"")).isEqualTo(hostHistory);
        assertThat(rows(
                        ds,
                        "SELECT \"version\", \"success\" FROM \"sync_schema_history\" WHERE \"version\" IS NOT NULL"
                                + " ORDER BY \"installed_rank\""))
                .as("a baseline for the host's non-empty schema, then the SDK's migrations, once")
                .containsExactly("0|true", "1|true", "2|true", "3|true");
        assertThat(rows(ds, "SELECT COUNT(*) FROM host_orders")).containsExactly("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void thePlainSqlIsTheMigrationWithTheDefaultPrefix(String dialect) throws Exception {
        String plain = resource("ddl/" + dialect + ".sql");
        assertThat(statements(plain)).isEqualTo(migrated(dialect));
    }

    @Test
    void theOutboxOfAVersion1SchemaIsKeptAcrossTheUpgradeAndItsJsonIsNoLargeObjectAnyMore() throws Exception {
        JdbcDataSource ds = newDatabase();
        flyway(ds).target("1").load().migrate();
        JdbcSyncStore before = JdbcSyncStore.builder(ds).migrate(false).build();
        String big = "x".repeat(2_000_000);
        for (int i = 0; i < 3; i++) {
            before.append(Change.upsert("s", "k" + i, 1, Map.of("i", i, "notes", i == 1 ? big : "n"), "test"));
        }
        PushBatch claimed = before.claimBatch("s", 2, () -> "b-1");
        before.close();

        JdbcSyncStore after = JdbcSyncStore.on(ds);

        String types = "SELECT TABLE_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'CHANGE_JSON'"
                + " ORDER BY TABLE_NAME";
        assertThat(rows(ds, types))
                .containsExactly("SYNC_OUTBOX|CHARACTER VARYING", "SYNC_PUSH_LEDGER|CHARACTER VARYING");
        assertThat(after.claimBatch("s", 2, () -> "b-2")).isEqualTo(claimed);
        assertThat(claimed.entries().get(1).change().fields()).containsEntry("notes", big);
        after.acknowledge(
                claimed,
                claimed.entries().stream()
                        .map(e -> PushAck.accepted(e.sequence()))
                        .toList(),
                List.of());
        PushBatch next = after.claimBatch("s", 2, () -> "b-3");
        assertThat(next.entries()).extracting(e -> e.change().key()).containsExactly("k2");
        long seq = after.append(Change.upsert("s", "k3", 1, Map.of("notes", big + big), "test"));
        assertThat(after.pendingFor("s", List.of("k3")).get("k3").sequence()).isEqualTo(seq);
        assertThat(after.pendingFor("s", List.of("k3"))
                        .get("k3")
                        .change()
                        .fields()
                        .get("notes"))
                .isEqualTo(big + big);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void everyTableOfAnOlderSchemaKeepsItsRowsAcrossTheUpgradeAndNoColumnIsALargeObjectAnyMore(String version)
            throws Exception {
        JdbcDataSource ds = newDatabase();
        flyway(ds).target(version).load().migrate();
        JdbcSyncStore before = JdbcSyncStore.builder(ds).migrate(false).build();
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        String big = "y".repeat(2_000_000);
        CheckpointId checkpoint = new CheckpointId("node-a", "s", "p1", "");
        String cursor = "{\"after\":\"k2\",\"token\":\"" + "t".repeat(1_000) + "\"}";
        QuarantineEntry keyed = QuarantineEntry.of(
                "s", "k9", "p1", QuarantineStage.VALIDATE, "bad tracking code", "{\"id\":\"k9\"}", 3, t0);
        QuarantineEntry keyless = QuarantineEntry.of(
                "s", null, "p1", QuarantineStage.DECODE, "reason " + "r".repeat(500), "<raw>" + big, 0, t0);
        ApplyResult applied = before.apply(new ApplyBatch(
                "s",
                List.of(
                        Change.upsert("s", "k1", 1, Map.of("name", "one", "notes", big), "test"),
                        Change.upsert("s", "k2", 2, Map.of("name", "two"), "test"),
                        Change.delete("s", "k3", 4, "test")),
                List.of(keyed, keyless),
                List.of(),
                List.of(),
                Map.of(),
                List.of(new Marker("day-closed", "0002/2026-11-21", "121 sales " + "m".repeat(300), t0)),
                checkpoint,
                cursor,
                true,
                null));
        before.recordRun(new SyncReport(
                "run-1",
                "QUICK",
                "node-a",
                t0,
                t0.plusSeconds(2),
                List.of(new StepReport(
                        "pull s",
                        "s",
                        StepStatus.SUCCEEDED,
                        3,
                        3,
                        0,
                        0,
                        2,
                        0,
                        Duration.ofMillis(1500),
                        List.of(),
                        "x".repeat(400)))));
        before.append(Change.upsert("s", "k5", 1, Map.of("notes", big), "test"));
        before.append(Change.upsert("s", "k6", 1, Map.of("notes", "n"), "test"));
        PushBatch claimed = before.claimBatch("s", 1, () -> "b-1");
        assertThat(before.tryLease("pull", "node-a", Duration.ofHours(1))).isTrue();
        Map<String, StoredRecord> records = before.read("s", List.of("k1", "k2", "k3"));
        List<SyncReport> runs = before.recentRuns(10);
        before.close();
        Map<String, List<String>> tables = sdkRows(ds);
        assertThat(tables)
                .as("rows in every table with a text column")
                .allSatisfy((table, rows) -> assertThat(rows.isEmpty()).isEqualTo(table.equals("SYNC_TOMBSTONES")));
        assertThat(rows(ds, LARGE_OBJECTS)).hasSize(version.equals("1") ? 9 : 7);

        JdbcSyncStore after = JdbcSyncStore.on(ds);

        assertThat(sdkRows(ds)).isEqualTo(tables);
        String types = "SELECT TABLE_NAME || '.' || COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'SYNC%' AND DATA_TYPE LIKE '%CHARACTER%'"
                + " AND CHARACTER_MAXIMUM_LENGTH > 1000 ORDER BY 1";
        assertThat(rows(ds, types))
                .containsExactly(
                        "SYNC_BASELINES.FIELDS|CHARACTER VARYING",
                        "SYNC_CHECKPOINTS.CURSOR_VALUE|CHARACTER VARYING",
                        "SYNC_MARKERS.MARKER_VALUE|CHARACTER VARYING",
                        "SYNC_OUTBOX.CHANGE_JSON|CHARACTER VARYING",
                        "SYNC_PUSH_LEDGER.CHANGE_JSON|CHARACTER VARYING",
                        "SYNC_QUARANTINE.RAW|CHARACTER VARYING",
                        "SYNC_QUARANTINE.REASON|CHARACTER VARYING",
                        "SYNC_RECORDS.FIELDS|CHARACTER VARYING",
                        "SYNC_RUNS.REPORT|CHARACTER VARYING");
        assertThat(rows(ds, LARGE_OBJECTS)).isEmpty();

        assertThat(after.read("s", List.of("k1", "k2", "k3"))).isEqualTo(records);
        assertThat(records.get("k1").fields()).containsEntry("notes", big);
        assertThat(after.baselines("s", List.of("k1", "k2")).get("k1")).containsEntry("notes", big);
        assertThat(after.checkpoint(checkpoint)).contains(cursor);
        List<QuarantineEntry> quarantined = after.quarantined(QuarantineQuery.stream("s"));
        assertThat(quarantined)
                .containsExactly(
                        keyed.withId(applied.quarantineIds().get(0)),
                        keyless.withId(applied.quarantineIds().get(1)));
        assertThat(after.recentRuns(10)).isEqualTo(runs);
        assertThat(after.marker("day-closed", "0002/2026-11-21"))
                .map(Marker::value)
                .contains("121 sales " + "m".repeat(300));
        assertThat(after.claimBatch("s", 1, () -> "b-2")).isEqualTo(claimed);
        assertThat(after.tryLease("pull", "node-b", Duration.ofHours(1))).isFalse();

        Instant t1 = t0.plusSeconds(60);
        ApplyResult again = after.apply(ApplyBatch.of("s", List.of())
                .withQuarantine(List.of(QuarantineEntry.of(
                        "s", null, "p1", QuarantineStage.DECODE, "still bad", "<raw>" + big, 0, t1))));
        assertThat(again.quarantineIds())
                .containsExactly(applied.quarantineIds().get(1));
        assertThat(after.quarantined(applied.quarantineIds().get(1)))
                .hasValueSatisfying(q -> assertThat(q.attempts()).isEqualTo(2));
        after.apply(ApplyBatch.of("s", List.of(Change.upsert("s", "k1", 2, Map.of("notes", big + big), "test"))));
        assertThat(after.read("s", List.of("k1")).get("k1").fields()).containsEntry("notes", big + big);
    }

    @Test
    void thePlainSqlMakesTheSameTablesAsTheMigrationOnH2() throws Exception {
        JdbcDataSource plain = newDatabase();
        try (Connection c = plain.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements(resource("ddl/h2.sql"))) {
                s.execute(sql);
            }
        }
        JdbcDataSource migrated = newDatabase();
        JdbcSyncStore.on(migrated).close();

        String columns = "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE,"
                + " ORDINAL_POSITION"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'SYNC%'"
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION";
        String indexes = "SELECT TABLE_NAME, INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_NAME LIKE 'SYNC%' AND INDEX_NAME NOT LIKE 'PRIMARY_KEY%' ORDER BY INDEX_NAME";
        assertThat(rows(plain, columns)).hasSizeGreaterThan(50).isEqualTo(rows(migrated, columns));
        assertThat(rows(plain, indexes)).hasSize(4).isEqualTo(rows(migrated, indexes));
    }

    private static FluentConfiguration flyway(JdbcDataSource ds) {
        return Flyway.configure()
                .dataSource(ds)
                .table("sync_schema_history")
                .locations("classpath:" + Migrations.LOCATION + "h2")
                .placeholders(Map.of("prefix", "sync_"));
    }

    /**
     * The statements of the dialect's first migration with the later ones folded in, prefix sync_. A later
     * migration may only change column types ({@code ALTER TABLE t ALTER COLUMN c SET DATA TYPE x}); teach this
     * fold any other kind of statement a new migration brings.
     */
    private static List<String> migrated(String dialect) throws Exception {
        Path folder =
                Path.of(JdbcSyncStore.class.getResource("migration/" + dialect).toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.sorted(Comparator.comparingInt(JdbcSchemaH2Test::version))
                    .toList();
        }
        assertThat(files.get(0).getFileName()).hasToString("V1__sync_tables.sql");
        List<String> out = new ArrayList<>(statements(Files.readString(files.get(0))));
        for (Path later : files.subList(1, files.size())) {
            int droppedAt = -1;
            for (String statement : statements(Files.readString(later))) {
                Matcher dropped = DROP_INDEX.matcher(statement);
                if (dropped.matches()) {
                    droppedAt = indexOf(out, "CREATE INDEX " + dropped.group(1) + " ON ");
                    assertThat(droppedAt).as(later + ": " + statement).isNotNegative();
                    out.remove(droppedAt);
                    continue;
                }
                if (statement.startsWith("CREATE INDEX ")) {
                    // an index made again takes the place of the one dropped before it
                    assertThat(droppedAt).as(later + ": " + statement).isNotNegative();
                    out.add(droppedAt, statement);
                    droppedAt = -1;
                    continue;
                }
                Matcher m = ALTER_TYPE.matcher(statement);
                assertThat(m.matches()).as(later + ": " + statement).isTrue();
                String create = "CREATE TABLE " + m.group(1) + " (";
                int i = indexOf(out, create);
                assertThat(i).as(later + ": " + create).isNotNegative();
                String column = "(?m)^(\\s+" + Pattern.quote(m.group(2)) + " ).*?( NOT NULL)?(,?)$";
                String changed = out.get(i).replaceFirst(column, "$1" + Matcher.quoteReplacement(m.group(3)) + "$2$3");
                assertThat(changed).as(later + ": " + statement).isNotEqualTo(out.get(i));
                out.set(i, changed);
            }
        }
        return out.stream().map(st -> st.replace("${prefix}", "sync_")).toList();
    }

    private static int indexOf(List<String> statements, String prefix) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = JdbcSyncStore.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The statements of a script without its comments. */
    private static List<String> statements(String script) {
        String code = script.lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n"));
        List<String> out = new ArrayList<>();
        for (String s : code.split(";")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** Every row of each of the SDK's tables, as text in a stable order (long values by length and hash). */
    private static Map<String, List<String>> sdkRows(JdbcDataSource ds) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        for (String table : rows(
                ds,
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                        + " AND TABLE_NAME LIKE 'SYNC%' AND TABLE_NAME <> 'sync_schema_history'")) {
            List<String> rows = new ArrayList<>();
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        String v = rs.getString(i);
                        row.add(v == null || v.length() <= 1_000 ? v : v.length() + " chars #" + v.hashCode());
                    }
                    rows.add(String.join("|", row));
                }
            }
            rows.sort(null);
            out.put(table, rows);
        }
        return out;
    }

    /** The rows a query answers, each as its values joined by {@code |}. */
    static List<String> rows(DataSource ds, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join("|", row));
            }
        }
        return out;
    }
}
