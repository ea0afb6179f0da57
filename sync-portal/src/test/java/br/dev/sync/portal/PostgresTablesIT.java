package br.dev.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The default tables migrate on PostgreSQL ({@code SYNC_TEST_POSTGRES_URL}; skipped with a message when it is not
 * set, unless {@code SYNC_REQUIRE_DATABASES=true} or {@code -Dsync.requireDatabases=true}).
 */
class PostgresTablesIT {
    static PGSimpleDataSource dataSource() {
        String url = System.getenv("SYNC_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            String why = "PostgreSQL tests need SYNC_TEST_POSTGRES_URL, a JDBC URL such as"
                    + " jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
            if ("true".equalsIgnoreCase(System.getenv("SYNC_REQUIRE_DATABASES"))
                    || "true".equalsIgnoreCase(System.getProperty("sync.requireDatabases"))) {
                Assertions.fail(why + " (databases are required)");
            }
            System.err.println("[PostgresTablesIT] SKIPPED: " + why);
            Assumptions.abort(why);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        return ds;
    }

    @Test
    void theDefaultTablesMigrateWithAColumnForEveryField() throws SQLException {
        PGSimpleDataSource ds = dataSource();
        String prefix = "t_pt_" + UUID.randomUUID().toString().substring(0, 6) + "_";
        PortalTables tables = PortalTables.withPrefix(prefix);
        try {
            tables.migrate(ds);
            tables.migrate(ds);
            try (Connection c = ds.getConnection()) {
                for (var stream : PortalTables.streams()) {
                    List<String> columns = columns(c, tables.table(stream));
                    assertThat(columns.subList(0, 2)).containsExactly("sync_key", "version");
                    assertThat(columns.subList(2, columns.size()))
                            .as(stream.name())
                            .containsExactlyElementsOf(
                                    PortalTables.columns(stream).values());
                }
            }
        } finally {
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement()) {
                for (var stream : PortalTables.streams()) {
                    s.execute("DROP TABLE IF EXISTS " + tables.table(stream));
                }
                s.execute("DROP TABLE IF EXISTS \"" + tables.history() + "\"");
            }
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }
}
