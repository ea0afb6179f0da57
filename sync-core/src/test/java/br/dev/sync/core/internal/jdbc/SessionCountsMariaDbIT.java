package br.dev.sync.core.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MariaDB's versioned upsert counts the stored rows it wrote and kept in the session, across every statement of a
 * page, and the counting never changes what it writes: not even on a session where the counters were never set.
 */
class SessionCountsMariaDbIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.mariadb();

    private static final String TABLE = TestDatabase.prefix("mdb_counts") + "rows";
    private static final MariaDbDialect DIALECT = new MariaDbDialect();

    @AfterEach
    void drop() {
        db.dropTables(List.of(TABLE));
    }

    @Test
    void aPageInManyStatementsIsCountedExactlyWithoutReadingItsVersions() throws SQLException {
        create();
        Random random = new Random(20261202);
        Map<String, Long> stored = new HashMap<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 800; i++) {
                stored.put("k" + i, 10L);
            }
            upsert(c, stored, "stored");
            c.commit();
            // 1,500 changes: 700 new keys, and for the 800 stored ones a seeded version around the stored 10
            Map<String, Long> page = new HashMap<>();
            int newer = 0;
            for (int i = 0; i < 800; i++) {
                long v = 8 + random.nextInt(5);
                page.put("k" + i, v);
                newer += v > 10 ? 1 : 0;
            }
            for (int i = 0; i < 700; i++) {
                page.put("new" + i, 1L);
            }
            long selectsBefore = status(c, "Com_select");
            SessionCounts.reset(c);
            int statements = upsert(c, page, "page");
            RecordTable.Counts counts = SessionCounts.read(c, page.size());
            long selects = status(c, "Com_select") - selectsBefore;
            c.commit();

            assertThat(statements).as("statements of the page").isGreaterThan(1);
            assertThat(counts.written()).isEqualTo(700 + newer);
            assertThat(counts.unchanged()).isEqualTo(800 - newer);
            assertThat(selects).as("SELECTs: the counters' only").isEqualTo(1);
            Map<String, Long> back = versions(c);
            page.forEach((k, v) -> assertThat(back.get(k)).as(k).isEqualTo(Math.max(v, k.startsWith("new") ? 1 : 10)));
            assertThat(values(c, "page")).isEqualTo(700 + newer);
        }
    }

    @Test
    void countingNeverChangesWhatIsWrittenEvenWithTheCountersUnset() throws SQLException {
        create();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            upsert(c, Map.of("a", 5L, "b", 5L), "stored");
            c.commit();
        }
        try (Connection c = db.connect()) { // a new session: the counters are NULL
            c.setAutoCommit(false);
            upsert(c, Map.of("a", 6L, "b", 4L, "c", 1L), "page");
            c.commit();
            assertThat(versions(c)).isEqualTo(Map.of("a", 6L, "b", 5L, "c", 1L));
            assertThat(values(c, "page")).isEqualTo(2);
        }
    }

    @Test
    void countsThatCannotBeThisPagesAreRefused() throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("SET " + SessionCounts.WRITTEN + " = 3, " + SessionCounts.KEPT + " = 2");
            assertThatThrownBy(() -> SessionCounts.read(c, 4))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("counted 3 stored rows written and 2 kept");
        }
    }

    private void create() {
        db.dropTables(List.of(TABLE));
        db.execute("CREATE TABLE " + TABLE + " (k VARCHAR(100) PRIMARY KEY, v BIGINT NOT NULL, note TEXT)");
    }

    /** Upserts key → version with the note {@code note}, in parts; answers how many statements it took. */
    private static int upsert(Connection c, Map<String, Long> rows, String note) throws SQLException {
        String sql = DIALECT.versionedUpsert(TABLE, List.of("k", "v", "note"), List.of("k"), "v");
        String text = note + "-" + "x".repeat(300);
        long before = status(c, "Com_insert");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            TextBatch batch = new TextBatch(ps, DIALECT);
            for (Map.Entry<String, Long> e : rows.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setLong(2, e.getValue());
                ps.setString(3, text);
                batch.add(TextBatch.chars(e.getKey()) + TextBatch.chars(text));
            }
            batch.finish();
        }
        return (int) (status(c, "Com_insert") - before);
    }

    private static Map<String, Long> versions(Connection c) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT k, v FROM " + TABLE)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static long values(Connection c, String note) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE + " WHERE note LIKE '" + note + "-%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long status(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE '" + name + "'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
