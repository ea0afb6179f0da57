package br.dev.sync.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.Change;
import br.dev.sync.core.internal.jdbc.Migrations;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SDK's schema: Flyway under its own history table, and the plain SQL that matches the migrations. */
class JdbcSchemaH2Test {
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
                .containsExactly("0|true", "1|true", "2|true");
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
            for (String statement : statements(Files.readString(later))) {
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

    private static List<String> rows(JdbcDataSource ds, String sql) throws SQLException {
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
