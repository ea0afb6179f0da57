package br.dev.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class PortalTablesTest {
    @Test
    void theMigrationCreatesATableWithAColumnForEveryFieldOfEveryStream() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:portal-tables;DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("CREATE TABLE host_own (id INT PRIMARY KEY)");
        }

        PortalTables tables = PortalTables.defaults();
        tables.migrate(ds);
        tables.migrate(ds);
        PortalTables.withPrefix("node2_").migrate(ds);

        try (Connection c = ds.getConnection()) {
            for (var stream : PortalTables.streams()) {
                List<String> columns = columns(c, tables.table(stream));
                assertThat(columns(c, "node2_" + stream.name().replace('-', '_')))
                        .isEqualTo(columns);
                assertThat(columns).as(stream.name()).startsWith("sync_key", "version");
                assertThat(columns.subList(2, columns.size()))
                        .as(stream.name())
                        .containsExactlyElementsOf(PortalTables.columns(stream).values());
            }
            assertThat(columns(c, "host_own")).containsExactly("id");
            assertThat(columns(c, "portal_schema_history")).isNotEmpty();
            assertThat(columns(c, "node2_schema_history")).isNotEmpty();
        }
    }

    @Test
    void fieldNamesBecomeSnakeCaseAndKeywordsAreAvoided() {
        assertThat(PortalTables.column("trackingCode")).isEqualTo("tracking_code");
        assertThat(PortalTables.column("nfeKey")).isEqualTo("nfe_key");
        assertThat(PortalTables.column("value")).isEqualTo("sale_value");
        assertThat(PortalTables.defaults().table(PortalStreams.PRE_POSTINGS)).isEqualTo("portal_pre_postings");
        assertThatThrownBy(() -> PortalTables.withPrefix("Bad-Prefix")).hasMessageContaining("prefix");
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String name : List.of(table.toUpperCase(Locale.ROOT), table)) {
            try (ResultSet rs = c.getMetaData().getColumns(null, null, name, null)) {
                while (rs.next()) {
                    out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }
}
