package br.dev.sync.core.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A long batch on MariaDB goes in parts, each statement small enough for the driver's 128 KB buffer, counted on the
 * session that sends it. With {@code rewriteBatchedStatements} (the URL this SDK's docs give) a part is one
 * multi-row statement; without it the driver sends a statement per row whatever the parts.
 */
class TextBatchMariaDbIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.mariadb();

    private static final String TABLE = TestDatabase.prefix("mdb_text_batch") + "rows";
    private static final int ROWS = 2_000;

    @AfterEach
    void drop() {
        db.dropTables(List.of(TABLE));
    }

    @Test
    void aLongBatchGoesAsSeveralStatementsEachWithinTheDriversBuffer() throws SQLException {
        db.dropTables(List.of(TABLE));
        db.execute("CREATE TABLE " + TABLE + " (k VARCHAR(100) PRIMARY KEY, v TEXT, n BIGINT)");
        // JSON-like text: a quote in every five characters and some accents, which the driver escapes or writes
        // as two bytes
        String value = "{\"nome\":\"Jo\u00e3o\",\"uf\":\"SP\",\"cep\":\"01310100\"}".repeat(8);
        try (Connection c = db.connect()) {
            boolean rewrite = c.getMetaData().getURL().contains("rewriteBatchedStatements=true");
            c.setAutoCommit(false);
            long insertsBefore = status(c, "Com_insert");
            long bytesBefore = status(c, "Bytes_received");
            int[] counts;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                    + " (k, v, n) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE v = VALUES(v), n = VALUES(n)")) {
                TextBatch batch = new TextBatch(ps, new MariaDbDialect());
                for (int i = 0; i < ROWS; i++) {
                    String k = "row-" + i;
                    ps.setString(1, k);
                    ps.setString(2, value);
                    ps.setLong(3, i);
                    batch.add(TextBatch.chars(k) + TextBatch.chars(value));
                }
                counts = batch.finish();
            }
            long statements = status(c, "Com_insert") - insertsBefore;
            long bytes = status(c, "Bytes_received") - bytesBefore;
            c.commit();

            assertThat(counts).hasSize(ROWS);
            assertThat(count(c)).isEqualTo(ROWS);
            if (rewrite) {
                // about 2,000 x 400 characters = 800,000, in parts of about 80,000
                assertThat(statements).isBetween(9L, 14L);
                assertThat(bytes / statements).as("bytes a statement").isLessThan(128 * 1024);
            } else {
                assertThat(statements).isEqualTo(ROWS);
            }
        }
    }

    private static long status(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE '" + name + "'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
