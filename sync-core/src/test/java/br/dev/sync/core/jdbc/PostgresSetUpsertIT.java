package br.dev.sync.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.Change;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineQuery;
import br.dev.sync.core.QuarantineStage;
import br.dev.sync.core.Step;
import br.dev.sync.core.StepReport;
import br.dev.sync.core.StoreException;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.ApplyResult;
import br.dev.sync.core.spi.StoredRecord;
import br.dev.sync.core.testkit.FakeRemote;
import br.dev.sync.core.testkit.Item;
import br.dev.sync.core.testkit.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL writes a page in one set-based upsert ({@code unnest} of text arrays, {@code RETURNING} the written
 * keys) with no version read before it: values of every common type arrive as the row-by-row path would store them,
 * counts stay exact, tombstones still hold back older upserts, and a page the set path cannot take (a key column
 * that is not text, a value of an unusual type, a delete without a deleted column) goes the read-first way.
 */
class PostgresSetUpsertIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    private static final String PREFIX = TestDatabase.prefix("pg_set");
    private static final String TABLE = PREFIX + "typed";
    private static final String STREAM = "typed";
    private static final Instant AT = Instant.parse("2026-11-20T10:15:30.123Z");

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final List<String> executions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void table() {
        db.dropTables(List.of(TABLE));
        db.execute("CREATE TABLE " + TABLE + " (id VARCHAR(40) PRIMARY KEY, rev BIGINT NOT NULL,"
                + " gone SMALLINT DEFAULT 0 NOT NULL, name VARCHAR(20), amount NUMERIC(12, 2), qty INTEGER,"
                + " active BOOLEAN, at_local TIMESTAMP(3), at_zone TIMESTAMPTZ(3), day DATE, note TEXT)");
    }

    @AfterAll
    static void drop() {
        JdbcStores.drop(db, PREFIX);
        db.dropTables(List.of(TABLE));
        db.execute("DROP TYPE IF EXISTS " + PREFIX + "mood");
    }

    private JdbcSyncStore store(boolean deletedColumn) {
        JdbcStores.drop(db, PREFIX);
        StreamTable.Builder mapping =
                StreamTable.stream(STREAM).table(TABLE).key("id").version("rev");
        return JdbcSyncStore.builder(recording(db.dataSource())).tablePrefix(PREFIX).stream(
                        (deletedColumn ? mapping.deleted("gone") : mapping).build())
                .build();
    }

    private static Map<String, Object> fields(String name, String note) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("amount", new BigDecimal("1234.50"));
        f.put("qty", 7L);
        f.put("active", true);
        f.put("at_local", AT);
        f.put("at_zone", AT);
        f.put("day", LocalDate.of(2026, 11, 21));
        f.put("note", note);
        return f;
    }

    private static Change upsert(String key, long version, Map<String, Object> fields) {
        return Change.upsert(STREAM, key, version, fields, "remote");
    }

    @Test
    void aPageOfEveryCommonTypeIsOneStatementAndReadsBackAsSent() throws SQLException {
        JdbcSyncStore store = store(true);
        List<Change> page = new ArrayList<>();
        String[] notes = {
            "plain",
            "",
            null,
            "quote \" and 'apostrophe'",
            "back\\slash",
            "{braces, commas}",
            "NULL",
            "ção ü 日本 😀",
            "line\nbreak\ttab"
        };
        for (int i = 0; i < notes.length; i++) {
            page.add(upsert("k" + i, 1, fields("name " + i, notes[i])));
        }
        statements.clear();

        ApplyResult first = store.apply(ApplyBatch.of(STREAM, page));

        assertThat(first.applied()).isEqualTo(notes.length);
        assertThat(first.unchanged()).isZero();
        assertThat(statements).filteredOn(s -> s.contains("unnest(")).hasSize(1);
        assertThat(statements).noneMatch(s -> s.contains("FOR UPDATE"));
        Map<String, StoredRecord> back =
                store.read(STREAM, page.stream().map(Change::key).toList());
        for (int i = 0; i < notes.length; i++) {
            Map<String, Object> f = back.get("k" + i).fields();
            assertThat(f.get("note")).as("note %s", i).isEqualTo(notes[i]);
            assertThat(f.get("name")).isEqualTo("name " + i);
            assertThat(f.get("amount")).isEqualTo(new BigDecimal("1234.50"));
            assertThat(f.get("qty")).isEqualTo(7);
            assertThat(f.get("active")).isEqualTo(true);
            assertThat(f.get("day")).isEqualTo(LocalDate.of(2026, 11, 21));
            assertThat(back.get("k" + i).version()).isEqualTo(1);
        }
        // the timestamps hold what setTimestamp would have stored: the same instant, and the JVM zone's wall time
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT at_local, at_zone FROM " + TABLE + " WHERE id = 'k0'")) {
            rs.next();
            assertThat(rs.getTimestamp(1).toInstant()).isEqualTo(AT);
            assertThat(rs.getTimestamp(2).toInstant()).isEqualTo(AT);
        }
        assertThat(back.get("k0").fields().get("at_local"))
                .isEqualTo(LocalDateTime.ofInstant(AT, java.time.ZoneId.systemDefault()));
    }

    @Test
    void countsAreExactForNewerOlderAndEqualVersionsAndDeletesSetTheFlag() throws SQLException {
        JdbcSyncStore store = store(true);
        store.apply(ApplyBatch.of(
                STREAM, List.of(upsert("a", 5, fields("a5", "x")), upsert("b", 5, fields("b5", "x")))));

        ApplyResult mixed = store.apply(ApplyBatch.of(
                STREAM,
                List.of(
                        upsert("a", 4, fields("a4", "older")),
                        upsert("b", 6, fields("b6", "newer")),
                        upsert("c", 1, fields("c1", "new")),
                        Change.delete(STREAM, "a", 5, "remote"))));

        // key a twice in one page: the store takes it the read-first way (the set statement cannot touch a row
        // twice); a's upsert at 4 is older than 5 and its delete at 5 is not newer, so both are unchanged
        assertThat(mixed.applied()).isEqualTo(2);
        assertThat(mixed.unchanged()).isEqualTo(2);

        statements.clear();
        ApplyResult second = store.apply(ApplyBatch.of(
                STREAM,
                List.of(
                        upsert("b", 6, fields("b6 again", "same")),
                        upsert("c", 2, fields("c2", "newer")),
                        Change.delete(STREAM, "d", 3, "remote"))));
        assertThat(second.applied()).isEqualTo(2);
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(statements).filteredOn(s -> s.contains("unnest(")).hasSize(2);
        assertThat(statements).noneMatch(s -> s.contains("FOR UPDATE"));
        Map<String, StoredRecord> back = store.read(STREAM, List.of("b", "c", "d"));
        assertThat(back.get("b").fields().get("name")).isEqualTo("b6");
        assertThat(back.get("c").fields().get("name")).isEqualTo("c2");
        assertThat(back.get("d").deleted()).isTrue();
        assertThat(back.get("d").version()).isEqualTo(3);
    }

    @Test
    void aPageTooLargeForOneArrayGoesInSeveralStatementsWithExactCounts() throws SQLException {
        JdbcSyncStore store = store(true);
        String longNote = "n".repeat(996); // notes of exactly 1,000 characters, with the row number
        List<Change> page = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            page.add(upsert("big" + i, 2, fields("big " + i, note(longNote, i))));
        }
        store.apply(ApplyBatch.of(STREAM, page));
        List<Change> again = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // every third row newer, the rest the same version
            again.add(upsert("big" + i, i % 3 == 0 ? 3 : 2, fields("again " + i, note(longNote, i))));
        }
        executions.clear();

        ApplyResult r = store.apply(ApplyBatch.of(STREAM, again));

        assertThat(r.applied()).isEqualTo(100);
        assertThat(r.unchanged()).isEqualTo(200);
        // 300 notes of 1,000 characters against arrays of at most 131,072: statements of 131, 131 and 38 rows
        assertThat(executions).hasSize(3);
        Map<String, StoredRecord> back =
                store.read(STREAM, again.stream().map(Change::key).toList());
        assertThat(back).hasSize(300);
        assertThat(back.get("big0").fields().get("name")).isEqualTo("again 0");
        assertThat(back.get("big297").fields().get("name")).isEqualTo("again 297");
        assertThat(back.get("big299").fields().get("name")).isEqualTo("big 299");
        assertThat(back.get("big298").fields().get("note")).isEqualTo(note(longNote, 298));
    }

    private static String note(String longNote, int i) {
        return String.format("%04d", i) + longNote;
    }

    @Test
    void withoutADeletedColumnATombstoneHoldsBackOlderUpsertsAndGoesWithANewerOne() throws SQLException {
        JdbcSyncStore store = store(false);
        store.apply(ApplyBatch.of(
                STREAM, List.of(upsert("t", 1, fields("t1", "x")), upsert("u", 1, fields("u1", "x")))));
        store.apply(ApplyBatch.of(
                STREAM, List.of(Change.delete(STREAM, "t", 5, "remote"), Change.delete(STREAM, "u", 5, "remote"))));
        statements.clear();

        ApplyResult page = store.apply(ApplyBatch.of(
                STREAM,
                List.of(upsert("t", 4, fields("t4", "older than its delete")), upsert("u", 6, fields("u6", "y")))));

        assertThat(page.applied()).isEqualTo(1);
        assertThat(page.unchanged()).isEqualTo(1);
        assertThat(statements).filteredOn(s -> s.contains("unnest(")).hasSize(1);
        assertThat(statements).noneMatch(s -> s.contains("FOR UPDATE"));
        Map<String, StoredRecord> back = store.read(STREAM, List.of("t", "u"));
        assertThat(back.get("t").deleted()).isTrue();
        assertThat(back.get("t").version()).isEqualTo(5);
        assertThat(back.get("u").deleted()).isFalse();
        assertThat(back.get("u").fields().get("name")).isEqualTo("u6");
        assertThat(count("SELECT count(*) FROM " + PREFIX + "tombstones WHERE record_key = 'u'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM " + PREFIX + "tombstones WHERE record_key = 't'"))
                .isEqualTo(1);
    }

    @Test
    void aValueOfAnUnusualTypeSendsThePageTheReadFirstWayAndStillStoresIt() throws SQLException {
        JdbcSyncStore store = store(true);
        Map<String, Object> f = fields("legacy", "java.util.Date");
        f.put("at_zone", java.util.Date.from(AT));
        statements.clear();

        ApplyResult r = store.apply(ApplyBatch.of(STREAM, List.of(upsert("old", 1, f))));

        assertThat(r.applied()).isEqualTo(1);
        assertThat(statements).noneMatch(s -> s.contains("unnest("));
        assertThat(statements).anyMatch(s -> s.contains("FOR UPDATE"));
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT at_zone FROM " + TABLE + " WHERE id = 'old'")) {
            rs.next();
            assertThat(rs.getTimestamp(1).toInstant()).isEqualTo(AT);
        }
    }

    @Test
    void aValueTooLongForItsColumnFailsThePageInsteadOfBeingCut() {
        JdbcSyncStore store = store(true);
        Map<String, Object> f = fields("a name longer than twenty characters", "x");

        assertThatThrownBy(() -> store.apply(ApplyBatch.of(STREAM, List.of(upsert("long", 1, f)))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("SQLState 22001"); // string data right truncation
        assertThat(count("SELECT count(*) FROM " + TABLE)).isZero();
    }

    @Test
    void aKeyColumnThatIsNotTextGoesTheReadFirstWay() throws SQLException {
        db.dropTables(List.of(TABLE));
        db.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, rev BIGINT NOT NULL, gone BOOLEAN DEFAULT"
                + " FALSE NOT NULL, name VARCHAR(20))");
        JdbcSyncStore store = store(true);
        statements.clear();

        ApplyResult r = store.apply(ApplyBatch.of(
                STREAM, List.of(upsert("0042", 1, Map.of("name", "zero-led")), upsert("7", 1, Map.of("name", "x")))));
        ApplyResult again = store.apply(ApplyBatch.of(STREAM, List.of(upsert("7", 1, Map.of("name", "x")))));

        assertThat(r.applied()).isEqualTo(2);
        assertThat(again.applied()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(statements).noneMatch(s -> s.contains("unnest("));
    }

    @Test
    void anEnumColumnTakesItsLabelFromTextWhichTheRowByRowBindingRefuses() throws SQLException {
        hostTypes();
        JdbcSyncStore store = store(true);
        statements.clear();

        ApplyResult r = store.apply(ApplyBatch.of(STREAM, List.of(upsert("m", 1, Map.of("name", "calm")))));

        assertThat(r.applied()).isEqualTo(1);
        assertThat(statements).filteredOn(s -> s.contains("unnest(")).hasSize(1);
        assertThat(column("name", "m")).isEqualTo("calm");
    }

    @Test
    void bytesGoTheReadFirstWayAndAreStoredAsTheDriverBindsThem() throws SQLException {
        hostTypes();
        JdbcSyncStore store = store(true);
        statements.clear();

        ApplyResult r =
                store.apply(ApplyBatch.of(STREAM, List.of(upsert("p", 1, Map.of("photo", new byte[] {1, 2, -1})))));

        assertThat(r.applied()).isEqualTo(1);
        assertThat(statements).noneMatch(s -> s.contains("unnest("));
        assertThat(statements).anyMatch(s -> s.contains("FOR UPDATE"));
        assertThat(column("photo", "p")).isEqualTo("\\x0102ff");
    }

    /** The typed table with an enum column of the host's own and a bytea column. */
    private static void hostTypes() {
        db.execute("DROP TABLE IF EXISTS " + TABLE, "DROP TYPE IF EXISTS " + PREFIX + "mood");
        db.execute(
                "CREATE TYPE " + PREFIX + "mood AS ENUM ('calm', 'busy')",
                "CREATE TABLE " + TABLE + " (id VARCHAR(40) PRIMARY KEY, rev BIGINT NOT NULL, gone BOOLEAN DEFAULT"
                        + " FALSE NOT NULL, name " + PREFIX + "mood, photo BYTEA)");
    }

    private static String column(String column, String key) {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT " + column + "::text FROM " + TABLE + " WHERE id = '" + key + "'")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRecordTheDatabaseRefusesIsQuarantinedAndTheRestOfItsPageApplied() {
        db.dropTables(List.of(TABLE));
        db.execute("CREATE TABLE " + TABLE + " (id VARCHAR(40) PRIMARY KEY, version BIGINT NOT NULL, deleted BOOLEAN"
                + " DEFAULT FALSE NOT NULL, name VARCHAR(10), price NUMERIC(12, 2), qty INTEGER)");
        JdbcStores.drop(db, PREFIX);
        JdbcSyncStore store = JdbcSyncStore.builder(recording(db.dataSource())).tablePrefix(PREFIX).stream(
                        StreamTable.stream("items")
                                .table(TABLE)
                                .key("id")
                                .version("version")
                                .deleted("deleted")
                                .ignoreUnmappedFields() // id, version, deleted travel as key, version and flag
                                .build())
                .build();
        FakeRemote remote = new FakeRemote("erp");
        remote.add(
                "items",
                List.of(
                        Item.json("A", 1, "short", "1.50"),
                        Item.json("B", 1, "a name past ten characters", "2.50"),
                        Item.json("C", 1, "short too", "3.50")));
        statements.clear();

        try (SyncEngine engine = SyncEngine.builder().node("n").store(store).build()) {
            SyncReport report =
                    engine.run(Step.pull(Item.stream("items").build(), remote).pageSize(10));

            List<QuarantineEntry> held = engine.quarantine().list(QuarantineQuery.all());
            assertThat(report.total(StepReport::applied)).as(report.toString()).isEqualTo(2);
            assertThat(held).singleElement().satisfies(q -> {
                assertThat(q.key()).isEqualTo("B");
                assertThat(q.stage()).isEqualTo(QuarantineStage.APPLY);
            });
        }
        assertThat(store.read("items", List.of("A", "B", "C"))).containsOnlyKeys("A", "C");
        // the page went as one set statement, was refused, then each record went alone
        assertThat(statements).filteredOn(s -> s.contains("unnest(")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void theGenericTableTakesAPageInOneStatementWithExactCounts() {
        JdbcStores.drop(db, PREFIX);
        JdbcSyncStore store = JdbcSyncStore.builder(recording(db.dataSource()))
                .tablePrefix(PREFIX)
                .build();
        store.apply(ApplyBatch.of("generic", List.of(Change.upsert("generic", "g1", 2, Map.of("n", 1), "r"))));
        statements.clear();

        ApplyResult r = store.apply(ApplyBatch.of(
                "generic",
                List.of(
                        Change.upsert("generic", "g1", 2, Map.of("n", 2), "r"),
                        Change.upsert("generic", "g2", 1, Map.of("n", "two \"quoted\""), "r"),
                        Change.delete("generic", "g3", 4, "r"))));

        assertThat(r.applied()).isEqualTo(2);
        assertThat(r.unchanged()).isEqualTo(1);
        assertThat(statements).filteredOn(s -> s.contains("unnest(")).hasSize(1);
        assertThat(statements).noneMatch(s -> s.contains("FOR UPDATE"));
        Map<String, StoredRecord> back = store.read("generic", List.of("g1", "g2", "g3"));
        assertThat(back.get("g1").fields()).containsEntry("n", 1);
        assertThat(back.get("g2").fields()).containsEntry("n", "two \"quoted\"");
        assertThat(back.get("g3").deleted()).isTrue();
    }

    private long count(String sql) {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data source, with every statement the store prepares recorded. */
    private DataSource recording(DataSource ds) {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, args) -> {
                    Object out = invoke(ds, m, args);
                    return out instanceof Connection c ? recording(c) : out;
                });
    }

    private Connection recording(Connection c) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
                    if (m.getName().equals("prepareStatement")) {
                        statements.add((String) args[0]);
                        PreparedStatement ps = (PreparedStatement) invoke(c, m, args);
                        return recording(ps, (String) args[0]);
                    }
                    return invoke(c, m, args);
                });
    }

    /** The statement, with each execution of a set upsert recorded. */
    private PreparedStatement recording(PreparedStatement ps, String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (p, m, args) -> {
                    if (m.getName().equals("executeQuery") && sql.contains("unnest(")) {
                        executions.add(sql);
                    }
                    return invoke(ps, m, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
