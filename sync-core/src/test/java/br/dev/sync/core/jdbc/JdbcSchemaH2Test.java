package br.dev.sync.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SDK's schema: Flyway under its own history table, and the plain SQL that matches the migrations. */
class JdbcSchemaH2Test {
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
                .as("a baseline for the host's non-empty schema, then the SDK's migration, once")
                .containsExactly("0|true", "1|true");
        assertThat(rows(ds, "SELECT COUNT(*) FROM host_orders")).containsExactly("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void thePlainSqlIsTheMigrationWithTheDefaultPrefix(String dialect) throws IOException {
        String migration = resource("migration/" + dialect + "/V1__sync_tables.sql");
        String plain = resource("ddl/" + dialect + ".sql");
        assertThat(statements(plain)).isEqualTo(statements(migration.replace("${prefix}", "sync_")));
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

        String columns = "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_NULLABLE, ORDINAL_POSITION"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'SYNC%'"
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION";
        String indexes = "SELECT TABLE_NAME, INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_NAME LIKE 'SYNC%' AND INDEX_NAME NOT LIKE 'PRIMARY_KEY%' ORDER BY INDEX_NAME";
        assertThat(rows(plain, columns)).hasSizeGreaterThan(50).isEqualTo(rows(migrated, columns));
        assertThat(rows(plain, indexes)).hasSize(4).isEqualTo(rows(migrated, indexes));
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
