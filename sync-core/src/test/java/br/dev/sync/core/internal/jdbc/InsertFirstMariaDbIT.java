package br.dev.sync.core.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import br.dev.sync.core.Change;
import br.dev.sync.core.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On MariaDB a page of new keys goes as plain inserts without reading the stored versions (in a table without a
 * deleted column, after reading only the page's tombstones); a page in which a key exists is rolled back to where it
 * started and left to the read-first way, which then runs until a read finds none of a page's keys. Counted on the
 * session's own statement counters.
 */
class InsertFirstMariaDbIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.mariadb();

    private static final String TABLE = TestDatabase.prefix("mdb_insert_first") + "items";
    private static final String BARE = TestDatabase.prefix("mdb_insert_first") + "bare_items";
    private static final String TOMBSTONES = TestDatabase.prefix("mdb_insert_first") + "tombstones";
    private static final String STREAM = "items";

    private Connection c;
    private MappedTable table;
    /** The same table without a deleted column: its deletes are rows of {@link #TOMBSTONES}. */
    private MappedTable bare;

    @BeforeEach
    void create() throws SQLException {
        db.dropTables(List.of(TABLE, BARE, TOMBSTONES));
        db.execute(
                "CREATE TABLE " + TABLE + " (item_id VARCHAR(100) NOT NULL PRIMARY KEY, rev BIGINT NOT NULL,"
                        + " removed BOOLEAN DEFAULT FALSE NOT NULL, item_name VARCHAR(400))",
                "CREATE TABLE " + BARE + " (item_id VARCHAR(100) NOT NULL PRIMARY KEY, rev BIGINT NOT NULL,"
                        + " item_name VARCHAR(400))",
                "CREATE TABLE " + TOMBSTONES + " (stream VARCHAR(200) NOT NULL, record_key VARCHAR(255) NOT NULL,"
                        + " version BIGINT NOT NULL, PRIMARY KEY (record_key, stream))");
        c = db.connect();
        table = MappedTable.resolve(
                c,
                new MariaDbDialect(),
                STREAM,
                TABLE,
                "item_id",
                "rev",
                "removed",
                Map.of("name", "item_name"),
                false,
                "unused_tombstones");
        bare = MappedTable.resolve(
                c,
                new MariaDbDialect(),
                STREAM,
                BARE,
                "item_id",
                "rev",
                null,
                Map.of("name", "item_name"),
                false,
                TOMBSTONES);
        c.setAutoCommit(false);
    }

    @AfterEach
    void drop() throws SQLException {
        c.close();
        db.dropTables(List.of(TABLE, BARE, TOMBSTONES));
    }

    /** Without a deleted column the page's tombstones are read, 500 keys a statement; the table itself never. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aPageOfNewKeysIsInsertedWithoutAReadOfTheTableAndCountedWhole(boolean deletedColumn) throws SQLException {
        MappedTable into = deletedColumn ? table : bare;
        long selects = status("Com_select");
        long inserts = status("Com_insert");

        List<Change> written = into.tryWriteCounted(c, page(0, 1_000));
        c.commit();

        assertThat(written).hasSize(1_000);
        assertThat(status("Com_select") - selects).as("reads").isEqualTo(deletedColumn ? 0 : 2);
        // about 1,000 x 400 characters in parts of about 80,000: several multi-row statements (a statement a row
        // without rewriteBatchedStatements)
        boolean rewrite = c.getMetaData().getURL().contains("rewriteBatchedStatements=true");
        assertThat(status("Com_insert") - inserts).isBetween(rewrite ? 4L : 1_000L, rewrite ? 8L : 1_000L);
        String named = deletedColumn ? TABLE : BARE;
        assertThat(rows(named)).isEqualTo(1_000);
        assertThat(name(named, "item-999")).isEqualTo("name 999 " + "x".repeat(300));
    }

    @Test
    void aPageWithAStoredKeyIsRolledBackAndTheNextPagesAreReadFirstUntilAReadFindsNone() throws SQLException {
        table.tryWriteCounted(c, List.of(Change.upsert(STREAM, "item-1999", 7, Map.of("name", "stored"), "remote")));
        c.commit();

        // the stored key is the page's last, in its last statement: the statements before it went in
        List<Change> tried = table.tryWriteCounted(c, page(1_000, 2_000));

        assertThat(tried).isNull();
        assertThat(rows()).as("rows after the rollback to the savepoint").isEqualTo(1);
        Map<String, Long> stored = table.lockVersions(c, keys(page(1_000, 2_000)));
        assertThat(stored).containsExactly(Map.entry("item-1999", 7L));
        c.rollback();

        // attempts are off: the next page is not sent at all
        long inserts = status("Com_insert");
        assertThat(table.tryWriteCounted(c, page(2_000, 3_000))).isNull();
        assertThat(status("Com_insert") - inserts).isZero();
        // a read that finds none of the page's keys turns them on again
        assertThat(table.lockVersions(c, keys(page(2_000, 3_000)))).isEmpty();
        assertThat(table.tryWriteCounted(c, page(2_000, 3_000))).hasSize(1_000);
        c.commit();
        assertThat(rows()).isEqualTo(1_001);
        assertThat(name("item-1999")).isEqualTo("stored");
    }

    @Test
    void anErrorThatIsNotAStoredKeyIsThrownAndAttemptsStayOn() throws SQLException {
        List<Change> page = new ArrayList<>(page(0, 10));
        page.add(Change.upsert(STREAM, "item-too-long", 1, Map.of("name", "y".repeat(401)), "remote"));

        Throwable thrown = catchThrowable(() -> table.tryWriteCounted(c, page));
        c.rollback();

        assertThat(thrown).isInstanceOf(SQLException.class);
        assertThat(((SQLException) thrown).getErrorCode()).isEqualTo(1406);
        assertThat(table.tryWriteCounted(c, page(0, 10))).hasSize(10);
        c.commit();
        assertThat(rows()).isEqualTo(10);
    }

    @Test
    void withoutADeletedColumnAKeysTombstoneSendsThePageToTheReadFirstWayWithNothingInserted() throws SQLException {
        // item-1500 was deleted at version 5, and the page brings it at version 1: it must not come back
        db.execute("INSERT INTO " + TOMBSTONES + " VALUES ('" + STREAM + "', 'item-1500', 5)");

        long inserts = status("Com_insert");
        List<Change> tried = bare.tryWriteCounted(c, page(1_000, 2_000));

        assertThat(tried).isNull();
        assertThat(status("Com_insert") - inserts).as("inserts").isZero();
        assertThat(bare.lockVersions(c, keys(page(1_000, 2_000)))).containsExactly(Map.entry("item-1500", 5L));
        c.rollback();
        // attempts are off: the next page reads nothing and sends nothing, until a read finds none of a page's keys
        long selects = status("Com_select");
        assertThat(bare.tryWriteCounted(c, page(2_000, 3_000))).isNull();
        assertThat(status("Com_select") - selects).as("reads").isZero();
        assertThat(bare.lockVersions(c, keys(page(2_000, 3_000)))).isEmpty();
        assertThat(bare.tryWriteCounted(c, page(2_000, 3_000))).hasSize(1_000);
        c.commit();
        assertThat(rows(BARE)).isEqualTo(1_000);
        assertThat(name(BARE, "item-1500")).isNull();
    }

    @Test
    void withoutADeletedColumnAPageWithADeleteIsLeftToTheReadFirstWayAndAttemptsStayOn() throws SQLException {
        List<Change> page = new ArrayList<>(page(0, 10));
        page.add(Change.delete(STREAM, "item-gone", 3, "remote"));
        long selects = status("Com_select");
        long inserts = status("Com_insert");

        assertThat(bare.tryWriteCounted(c, page)).isNull();

        assertThat(status("Com_select") - selects).as("reads").isZero();
        assertThat(status("Com_insert") - inserts).as("inserts").isZero();
        assertThat(bare.tryWriteCounted(c, page(0, 10))).hasSize(10);
        c.commit();
        assertThat(rows(BARE)).isEqualTo(10);
    }

    @Test
    void upsertsOverTombstonesDropThemInAStatementPerFiveHundredKeys() throws SQLException {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            values.append(i == 0 ? "" : ", ").append("('" + STREAM + "', 'item-" + i + "', 1)");
        }
        db.execute("INSERT INTO " + TOMBSTONES + " VALUES " + values);
        List<Change> newer = page(0, 1_000).stream()
                .map(ch -> Change.upsert(STREAM, ch.key(), 2, ch.fields(), "remote"))
                .toList();
        assertThat(bare.tryWriteCounted(c, newer))
                .as("a page with tombstones is read first")
                .isNull();
        assertThat(bare.lockVersions(c, keys(newer))).hasSize(1_000);
        long deletes = status("Com_delete");

        bare.write(c, newer);
        c.commit();

        assertThat(status("Com_delete") - deletes).as("deletes").isEqualTo(2);
        assertThat(rows(TOMBSTONES)).isZero();
        assertThat(rows(BARE)).isEqualTo(1_000);
    }

    @Test
    void onlyErrorOneThousandSixtyTwoSaysTheKeyIsStored() {
        MariaDbDialect d = new MariaDbDialect();
        assertThat(d.isDuplicateKey(new SQLException("Duplicate entry", "23000", 1062)))
                .isTrue();
        assertThat(d.isDuplicateKey(new java.sql.BatchUpdateException(
                        "batch", "23000", 0, new int[0], new SQLException("Duplicate entry", "23000", 1062))))
                .isTrue();
        assertThat(d.isDuplicateKey(new SQLException("Column cannot be null", "23000", 1048)))
                .isFalse();
    }

    private static List<Change> page(int from, int to) {
        List<Change> page = new ArrayList<>();
        for (int i = from; i < to; i++) {
            page.add(Change.upsert(
                    STREAM, "item-" + i, 1, Map.of("name", "name " + i + " " + "x".repeat(300)), "remote"));
        }
        return page;
    }

    private static List<String> keys(List<Change> page) {
        return page.stream().map(Change::key).toList();
    }

    private long status(String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE '" + name + "'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private long rows() throws SQLException {
        return rows(TABLE);
    }

    private long rows(String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String name(String key) throws SQLException {
        return name(TABLE, key);
    }

    private String name(String table, String key) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT item_name FROM " + table + " WHERE item_id = '" + key + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
