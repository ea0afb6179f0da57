package br.dev.sync.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.LockTimeoutException;
import br.dev.sync.core.StoreException;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.ApplyResult;
import br.dev.sync.core.spi.StoredRecord;
import br.dev.sync.core.testkit.SyncStoreContract;
import br.dev.sync.core.testkit.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the JDBC store promises beyond the contract, on one database: lock timeouts that name the blocker and
 * commit nothing, leases raced by independent stores, the outbox in the host's transaction, and configuration
 * that is refused with every problem named. Each database runs it through a subclass that supplies the database.
 */
abstract class JdbcStoreBehaviour {
    /** The stream {@link HostItems} maps, so the same changes go to the host table when a test maps it. */
    private static final String STREAM = SyncStoreContract.STREAM;

    abstract TestDatabase db();

    abstract String prefix();

    private String sales() {
        return prefix() + "sales";
    }

    @AfterEach
    void dropTables() {
        JdbcStores.drop(db(), prefix());
        db().dropTables(List.of(sales(), HostItems.table(prefix())));
    }

    private static Change item(String key, long version, String name) {
        return Change.upsert(STREAM, key, version, SyncStoreContract.fields(name, "1.00", 1), "remote");
    }

    @Test
    void aRowLockHeldByAnotherSessionTimesOutNamingItAndCommitsNothingThenThePageApplies() throws Exception {
        JdbcSyncStore store = JdbcStores.fresh(db(), prefix());
        CheckpointId cp = new CheckpointId("node-a", STREAM, "", "");
        store.apply(ApplyBatch.of(STREAM, List.of(item("k1", 1, "one")), cp, "c1"));
        ApplyBatch page = ApplyBatch.of(STREAM, List.of(item("k2", 1, "two"), item("k1", 2, "one again")), cp, "c2");

        try (Connection blocker = db().connect()) {
            blocker.setAutoCommit(false);
            String session = sessionId(blocker);
            try (PreparedStatement lock = blocker.prepareStatement("UPDATE " + prefix()
                    + "records SET updated_at = updated_at + 1 WHERE stream = ? AND record_key = ?")) {
                lock.setString(1, STREAM);
                lock.setString(2, "k1");
                assertThat(lock.executeUpdate()).isEqualTo(1);
            }

            long started = System.nanoTime();
            Throwable thrown = catchThrowable(() -> store.apply(page));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(thrown).isInstanceOf(LockTimeoutException.class);
            assertThat(took).as("a lock timeout, not a hang").isLessThan(Duration.ofSeconds(10));
            LockTimeoutException e = (LockTimeoutException) thrown;
            assertThat(e.blocker()).hasValueSatisfying(b -> assertThat(b).startsWith(blockerLabel() + session + " "));
            assertThat(e.getMessage()).contains(STREAM).contains(blockerLabel() + session);
            assertThat(store.checkpoint(cp)).contains("c1");
            Map<String, StoredRecord> stored = store.read(STREAM, List.of("k1", "k2"));
            assertThat(stored).containsOnlyKeys("k1");
            assertThat(stored.get("k1").version()).isEqualTo(1);
            blocker.rollback();
        }

        ApplyResult again = store.apply(page);
        assertThat(again.applied()).isEqualTo(2);
        assertThat(store.checkpoint(cp)).contains("c2");
        assertThat(store.read(STREAM, List.of("k1")).get("k1").version()).isEqualTo(2);
    }

    private String sessionId(Connection c) throws SQLException {
        String sql = switch (db().kind()) {
            case H2 -> "SELECT SESSION_ID()";
            case POSTGRESQL -> "SELECT pg_backend_pid()";
            case MARIADB -> "SELECT CONNECTION_ID()";
        };
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String blockerLabel() {
        return switch (db().kind()) {
            case H2 -> "session ";
            case POSTGRESQL -> "pid ";
            case MARIADB -> "thread ";
        };
    }

    @Test
    void independentStoresRacingForALeaseHaveOneWinnerAndAnExpiredLeaseIsTakenOver() throws Exception {
        JdbcStores.fresh(db(), prefix()).close();
        try (HikariDataSource poolA = db().newDataSource();
                HikariDataSource poolB = db().newDataSource()) {
            JdbcSyncStore a = JdbcSyncStore.builder(poolA)
                    .tablePrefix(prefix())
                    .migrate(false)
                    .build();
            JdbcSyncStore b = JdbcSyncStore.builder(poolB)
                    .tablePrefix(prefix())
                    .migrate(false)
                    .build();
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 5; round++) {
                    assertThat(race(threads, a, b, "plan:QUICK-" + round)).hasSize(1);
                }
            } finally {
                threads.shutdownNow();
            }
            String winner =
                    race(Executors.newFixedThreadPool(8), a, b, "plan:FULL").get(0);

            // the winner dies without releasing
            assertThat(b.tryLease("plan:FULL", "late", Duration.ofSeconds(30))).isFalse();
            Thread.sleep(1700);
            assertThat(b.tryLease("plan:FULL", "late", Duration.ofSeconds(30)))
                    .as("taken over after expiry")
                    .isTrue();
            assertThat(a.tryLease("plan:FULL", winner, Duration.ofSeconds(30))).isFalse();
        }
    }

    private static List<String> race(ExecutorService threads, JdbcSyncStore a, JdbcSyncStore b, String lease)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JdbcSyncStore store = i % 2 == 0 ? a : b;
            String holder = "node-" + i;
            tries.add(threads.submit(() -> {
                start.await();
                return store.tryLease(lease, holder, Duration.ofMillis(1500)) ? holder : null;
            }));
        }
        start.countDown();
        List<String> winners = new ArrayList<>();
        for (Future<String> f : tries) {
            if (f.get() != null) {
                winners.add(f.get());
            }
        }
        return winners;
    }

    @Test
    void anOutboxEntryWrittenInTheHostsTransactionCommitsAndRollsBackWithIt() throws Exception {
        JdbcSyncStore store = JdbcStores.fresh(db(), prefix());
        db().execute("CREATE TABLE " + sales() + " (id VARCHAR(20) NOT NULL PRIMARY KEY)");
        try (Connection host = db().connect()) {
            host.setAutoCommit(false);
            sell(host, store, "s1");
            assertThat(store.pendingCount(STREAM))
                    .as("not visible before the host commits")
                    .isZero();
            host.rollback();
            assertThat(store.pendingCount(STREAM)).isZero();
            assertThat(countSales(host)).isZero();

            long seq = sell(host, store, "s2");
            host.commit();
            assertThat(store.pendingCount(STREAM)).isEqualTo(1);
            assertThat(store.pendingFor(STREAM, List.of("s2")).get("s2").sequence())
                    .isEqualTo(seq);
            assertThat(countSales(host)).isEqualTo(1);
        }
    }

    private long sell(Connection host, JdbcSyncStore store, String id) throws SQLException {
        try (PreparedStatement ps = host.prepareStatement("INSERT INTO " + sales() + " (id) VALUES (?)")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        return store.appendIn(host, item(id, 1, "sale " + id));
    }

    private long countSales(Connection host) throws SQLException {
        try (Statement s = host.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + sales())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void identifiersThatAreNotPlainNamesAreRefusedEachNamed() {
        Throwable mapping = catchThrowable(() -> StreamTable.stream("s")
                .table("items; DROP TABLE x")
                .key("1id")
                .version("rev-1")
                .deleted("ok")
                .column("name", "na\"me")
                .build());
        assertThat(mapping).isInstanceOf(ConfigurationException.class);
        assertThat(((ConfigurationException) mapping).violations())
                .hasSize(4)
                .anySatisfy(v -> assertThat(v).startsWith("table of stream s 'items; DROP TABLE x'"))
                .anySatisfy(v -> assertThat(v).startsWith("key column of stream s '1id'"))
                .anySatisfy(v -> assertThat(v).startsWith("version column of stream s 'rev-1'"))
                .anySatisfy(v -> assertThat(v).startsWith("column of field 'name' of stream s 'na\"me'"));

        Throwable store = catchThrowable(
                () -> JdbcSyncStore.builder(db().dataSource()).tablePrefix("sync-").lockTimeout(Duration.ZERO).stream(
                                new StreamTable("s", "a.b.c", "id", "version", null, Map.of(), false))
                        .build());
        assertThat(store).isInstanceOf(ConfigurationException.class);
        assertThat(((ConfigurationException) store).violations())
                .hasSize(3)
                .anySatisfy(v -> assertThat(v).startsWith("table prefix 'sync-'"))
                .anySatisfy(v -> assertThat(v).startsWith("lock timeout"))
                .anySatisfy(v -> assertThat(v).startsWith("table of stream s 'a.b.c'"));
    }

    @Test
    void aMappedTableWithoutTheConfiguredColumnsIsRefusedListingEach() {
        HostItems.create(db(), prefix(), true);
        Throwable e = catchThrowable(() -> JdbcStores.fresh(
                db(),
                prefix(),
                b -> b.stream(StreamTable.stream(STREAM)
                        .table(HostItems.table(prefix()))
                        .key("code")
                        .version("rev")
                        .column("name", "title")
                        .build())));
        assertThat(e).isInstanceOf(ConfigurationException.class);
        assertThat(((ConfigurationException) e).violations())
                .containsExactlyInAnyOrder(
                        "key column 'code' is not a column of the table",
                        "column of field 'name' 'title' is not a column of the table");

        Throwable missing = catchThrowable(() -> JdbcStores.fresh(
                db(),
                prefix(),
                b -> b.stream(
                        StreamTable.stream(STREAM).table(prefix() + "nowhere").build())));
        assertThat(missing).isInstanceOf(ConfigurationException.class).hasMessageContaining("was not found");
    }

    @Test
    void aFieldNoColumnTakesRefusesItsPageUnlessTheTableIgnoresIt() {
        HostItems.create(db(), prefix(), true);
        StreamTable.Builder mapping = StreamTable.stream(STREAM)
                .table(HostItems.table(prefix()))
                .key("item_id")
                .version("rev")
                .deleted("removed");
        JdbcSyncStore strict = JdbcStores.fresh(db(), prefix(), b -> b.stream(mapping.build()));
        Throwable refused = catchThrowable(() -> strict.apply(ApplyBatch.of(STREAM, List.of(item("k1", 1, "one")))));
        assertThat(refused)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("field 'name'")
                .hasMessageContaining(STREAM);

        JdbcSyncStore lenient = JdbcStores.fresh(
                db(), prefix(), b -> b.stream(mapping.ignoreUnmappedFields().build()));
        assertThat(lenient.apply(ApplyBatch.of(STREAM, List.of(item("k1", 1, "one"))))
                        .applied())
                .isEqualTo(1);
        Map<String, Object> fields =
                lenient.read(STREAM, List.of("k1")).get("k1").fields();
        assertThat(fields).doesNotContainKey("name").containsEntry("note", "host");
        assertThat(((Number) fields.get("qty")).intValue()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aPageWhoseChangesCarryDifferentFieldsWritesEachChangesOwnColumns(boolean deletedColumn) {
        HostItems.create(db(), prefix(), deletedColumn);
        JdbcSyncStore store =
                JdbcStores.fresh(db(), prefix(), b -> b.stream(HostItems.mapping(prefix(), deletedColumn)));
        store.apply(ApplyBatch.of(STREAM, List.of(item("u1", 1, "old"), item("u2", 1, "old"))));

        ApplyResult r = store.apply(ApplyBatch.of(
                STREAM,
                List.of(
                        withFields("a", 1, Map.of("name", "a", "qty", 1)),
                        withFields("b", 1, Map.of("name", "b")),
                        withFields("u1", 2, ordered("qty", 7, "name", "new u1")),
                        withFields("c", 1, ordered("qty", 3, "name", "c")),
                        Change.delete(STREAM, "u2", 2, "remote"),
                        withFields("d", 1, ordered("name", "d", "qty", 4)),
                        withFields("e", 1, Map.of("price", new BigDecimal("5.50"))))));

        assertThat(r.applied()).isEqualTo(7);
        Map<String, StoredRecord> back = store.read(STREAM, List.of("a", "b", "c", "d", "e", "u1", "u2"));
        assertThat(back.get("a").fields()).containsEntry("name", "a");
        assertThat(((Number) back.get("a").fields().get("qty")).intValue()).isEqualTo(1);
        assertThat(back.get("b").fields()).containsEntry("name", "b");
        assertThat(back.get("b").fields().get("qty")).isNull();
        assertThat(((Number) back.get("c").fields().get("qty")).intValue()).isEqualTo(3);
        assertThat(back.get("c").fields()).containsEntry("name", "c");
        assertThat(((Number) back.get("d").fields().get("qty")).intValue()).isEqualTo(4);
        assertThat(back.get("e").fields().get("name")).isNull();
        assertThat(new BigDecimal(back.get("e").fields().get("price").toString()))
                .isEqualByComparingTo("5.50");
        assertThat(back.get("u1").fields()).containsEntry("name", "new u1");
        assertThat(((Number) back.get("u1").fields().get("qty")).intValue()).isEqualTo(7);
        assertThat(back.get("u1").version()).isEqualTo(2);
        assertThat(back.get("u2").deleted()).isTrue(); // a tombstone when the table has no deleted column
    }

    /**
     * A page of 2,000 changes of about 150 characters (mapped) or 700 (generic table): on MariaDB it goes as several
     * statements of the same transaction (Dialect.batchChars), and every row is written and counted once.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aPageLongerThanOneStatementIsWrittenWholeAndCountedExactly(boolean mapped) throws SQLException {
        int rows = 2_000;
        int nameLength = mapped ? 60 : 600;
        JdbcSyncStore store = store(mapped);
        List<Change> first = new ArrayList<>();
        List<Change> second = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            first.add(item(longKey(i), 1, longName(i, 1, nameLength)));
            // the even rows come again with a newer version, the odd ones with the same: only the even are written
            second.add(item(longKey(i), i % 2 == 0 ? 2 : 1, longName(i, 2, nameLength)));
        }

        ApplyResult written = store.apply(ApplyBatch.of(STREAM, first));
        ApplyResult again = store.apply(ApplyBatch.of(STREAM, second));

        assertThat(written.applied()).isEqualTo(rows);
        assertThat(written.unchanged()).isZero();
        assertThat(again.applied()).isEqualTo(rows / 2);
        assertThat(again.unchanged()).isEqualTo(rows / 2);
        Map<String, StoredRecord> back =
                store.read(STREAM, first.stream().map(Change::key).toList());
        assertThat(back).hasSize(rows);
        assertThat(storedRows(mapped)).isEqualTo(rows);
        for (int i = 0; i < rows; i++) {
            StoredRecord r = back.get(longKey(i));
            long version = i % 2 == 0 ? 2 : 1;
            assertThat(r.version()).as("version of row %d", i).isEqualTo(version);
            assertThat(r.fields()).as("row %d", i).containsEntry("name", longName(i, version, nameLength));
        }
    }

    /**
     * Pages of new keys after a page whose last key was stored already, with a newer version: on MariaDB the first
     * page goes as plain inserts, the second page's inserts are rolled back at its last statement and the page is
     * read first, and the third is read first again and finds nothing, after which the fourth is inserted. Each page
     * is counted exactly, the stored row keeps its newer version, and no row is written twice or lost. Into the
     * generic table, a host table with a deleted column, and one without (whose tombstones are read first).
     */
    @ParameterizedTest
    @ValueSource(strings = {"generic", "deleted column", "no deleted column"})
    void newKeysAfterAPageWhoseLastKeyWasStoredAreCountedExactlyAndWrittenOnce(String target) throws SQLException {
        int rows = 1_500;
        boolean mapped = !target.equals("generic");
        int nameLength = mapped ? 60 : 600;
        JdbcSyncStore store;
        if (mapped) {
            boolean deletedColumn = target.equals("deleted column");
            HostItems.create(db(), prefix(), deletedColumn);
            store = JdbcStores.fresh(db(), prefix(), b -> b.stream(HostItems.mapping(prefix(), deletedColumn)));
        } else {
            store = store(false);
        }
        String known = longKey(2 * rows - 1);
        store.apply(ApplyBatch.of(STREAM, List.of(item(known, 9, "stored"))));
        List<List<Change>> pages = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            List<Change> page = new ArrayList<>();
            for (int i = p * rows; i < (p + 1) * rows; i++) {
                page.add(item(longKey(i), 1, longName(i, 1, nameLength)));
            }
            pages.add(page);
        }

        List<ApplyResult> results = pages.stream()
                .map(page -> store.apply(ApplyBatch.of(STREAM, page)))
                .toList();

        assertThat(results).extracting(ApplyResult::applied).containsExactly(rows, rows - 1, rows, rows);
        assertThat(results).extracting(ApplyResult::unchanged).containsExactly(0, 1, 0, 0);
        List<String> keys =
                pages.stream().flatMap(List::stream).map(Change::key).toList();
        Map<String, StoredRecord> back = store.read(STREAM, keys);
        assertThat(back).hasSize(4 * rows);
        assertThat(back.get(known).version()).isEqualTo(9);
        assertThat(back.get(known).fields()).containsEntry("name", "stored");
        for (int i = 0; i < 4 * rows; i++) {
            if (i != 2 * rows - 1) {
                StoredRecord r = back.get(longKey(i));
                assertThat(r.version()).as("version of row %d", i).isEqualTo(1);
                assertThat(r.fields()).as("row %d", i).containsEntry("name", longName(i, 1, nameLength));
            }
        }
        long[] count = new long[1];
        store.scan(STREAM, r -> count[0]++);
        assertThat(count[0]).isEqualTo(4L * rows);
        assertThat(storedRows(mapped)).isEqualTo(4L * rows);
    }

    /**
     * One page of every outcome, on a page of stored rows: new keys, newer and older versions, the same version, and
     * deletes newer and older than the row. Only the new, the newer and the newer deletes are written and counted.
     * (PostgreSQL's statement returns the keys it wrote, H2's batch counts say, MariaDB's store reads the versions first.)
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aPageOfEveryOutcomeIsCountedExactlyAndWritesOnlyWhatIsNewer(boolean mapped) throws SQLException {
        JdbcSyncStore store = store(mapped);
        List<Change> stored = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            stored.add(item("k" + i, 10, "stored " + i));
        }
        store.apply(ApplyBatch.of(STREAM, stored));
        List<Change> page = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            String key = "k" + i;
            page.add(
                    switch (i % 7) {
                        case 0 -> item(key, 11, "newer " + i);
                        case 1 -> item(key, 10, "same " + i);
                        case 2 -> item(key, 9, "older " + i);
                        case 3 -> Change.delete(STREAM, key, 12, "remote");
                        case 4 -> Change.delete(STREAM, key, 3, "remote");
                        default -> item("new" + i, 1, "new " + i);
                    });
        }

        ApplyResult r = store.apply(ApplyBatch.of(STREAM, page));

        // of 700: 100 newer + 100 newer deletes + 200 new keys written; 100 same, 100 older, 100 older deletes not
        assertThat(r.applied()).isEqualTo(400);
        assertThat(r.unchanged()).isEqualTo(300);
        assertThat(storedRows(mapped)).isEqualTo(900); // the 700 stored, 100 of them flagged deleted, and 200 new
        Map<String, StoredRecord> back =
                store.read(STREAM, page.stream().map(Change::key).toList());
        for (int i = 0; i < 700; i++) {
            String key = i % 7 < 5 ? "k" + i : "new" + i;
            StoredRecord rec = back.get(key);
            assertThat(rec).as(key).isNotNull();
            switch (i % 7) {
                case 0 -> assertThat(rec.fields()).as(key).containsEntry("name", "newer " + i);
                case 3 -> assertThat(rec.deleted()).as(key).isTrue();
                case 5, 6 -> assertThat(rec.fields()).as(key).containsEntry("name", "new " + i);
                default -> {
                    assertThat(rec.deleted()).as(key).isFalse();
                    assertThat(rec.fields()).as(key).containsEntry("name", "stored " + i);
                }
            }
            long version = switch (i % 7) {
                case 0 -> 11;
                case 3 -> 12;
                case 5, 6 -> 1;
                default -> 10;
            };
            assertThat(rec.version()).as(key).isEqualTo(version);
        }
    }

    /**
     * Pages into stored rows, each read and locked first: a newer upsert of a row flagged deleted brings it back
     * with its new fields, an older one leaves it deleted, and a newer one of a live row replaces every column
     * (on MariaDB these go as plain upserts under the row lock, Dialect.plainUpsertsOverLockedRows).
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void newerUpsertsOfStoredRowsReplaceThemAndBringBackDeletedOnesButOlderOnesDoNot(boolean mapped)
            throws SQLException {
        JdbcSyncStore store = store(mapped);
        store.apply(ApplyBatch.of(
                STREAM, List.of(item("live", 10, "stored"), item("gone", 10, "stored"), item("kept", 10, "stored"))));
        store.apply(ApplyBatch.of(
                STREAM,
                List.of(Change.delete(STREAM, "gone", 12, "remote"), Change.delete(STREAM, "kept", 12, "remote"))));

        ApplyResult r = store.apply(ApplyBatch.of(
                STREAM, List.of(item("live", 11, "newer"), item("gone", 13, "back"), item("kept", 11, "older"))));

        assertThat(r.applied()).isEqualTo(2);
        assertThat(r.unchanged()).isEqualTo(1);
        Map<String, StoredRecord> back = store.read(STREAM, List.of("live", "gone", "kept"));
        assertThat(back.get("live").fields()).containsEntry("name", "newer");
        assertThat(back.get("live").version()).isEqualTo(11);
        assertThat(back.get("gone").deleted()).isFalse();
        assertThat(back.get("gone").fields()).containsEntry("name", "back");
        assertThat(back.get("gone").version()).isEqualTo(13);
        assertThat(back.get("kept").deleted()).isTrue();
        assertThat(back.get("kept").version()).isEqualTo(12);
        assertThat(storedRows(mapped)).isEqualTo(3);
    }

    /**
     * In a host table without a deleted column, 1,200 deletes leave 1,200 tombstones; a page that brings back 600 of
     * the keys with newer versions (more keys than one statement takes) drops exactly those 600 tombstones, and the
     * other 600 still hold back upserts older than the delete, in that page and after it.
     */
    @Test
    void newerUpsertsDropTheirTombstonesAndOnlyThoseAndTheRestStillHoldBackOlderOnes() throws SQLException {
        int rows = 1_200;
        HostItems.create(db(), prefix(), false);
        JdbcSyncStore store = JdbcStores.fresh(db(), prefix(), b -> b.stream(HostItems.mapping(prefix(), false)));
        List<Change> stored = new ArrayList<>();
        List<Change> deletes = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            stored.add(item("k" + i, 1, "stored " + i));
            deletes.add(Change.delete(STREAM, "k" + i, 5, "remote"));
        }
        store.apply(ApplyBatch.of(STREAM, stored));
        store.apply(ApplyBatch.of(STREAM, deletes));
        assertThat(tombstones()).isEqualTo(rows);
        List<Change> page = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            // the first 600 come back newer than their delete, the next 300 older; the last 300 are not in the page
            if (i < 900) {
                page.add(item("k" + i, i < 600 ? 6 : 4, "back " + i));
            }
        }

        ApplyResult back = store.apply(ApplyBatch.of(STREAM, page));
        ApplyResult older = store.apply(ApplyBatch.of(
                STREAM,
                List.of(item("k0", 5, "older than k0's row"), item("k700", 4, "older"), item("k1100", 3, "older"))));

        assertThat(back.applied()).isEqualTo(600);
        assertThat(back.unchanged()).isEqualTo(300);
        assertThat(older.applied()).isZero();
        assertThat(older.unchanged()).isEqualTo(3);
        assertThat(tombstones()).isEqualTo(rows - 600);
        Map<String, StoredRecord> read =
                store.read(STREAM, stored.stream().map(Change::key).toList());
        for (int i = 0; i < rows; i++) {
            StoredRecord r = read.get("k" + i);
            if (i < 600) {
                assertThat(r.deleted()).as("k%d", i).isFalse();
                assertThat(r.version()).as("k%d", i).isEqualTo(6);
                assertThat(r.fields()).as("k%d", i).containsEntry("name", "back " + i);
            } else {
                assertThat(r.deleted()).as("k%d", i).isTrue();
                assertThat(r.version()).as("k%d", i).isEqualTo(5);
            }
        }
    }

    private long tombstones() throws SQLException {
        return count(prefix() + "tombstones");
    }

    private long count(String table) throws SQLException {
        try (Connection c = db().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The rows of the stream's own table: the host table when mapped, else the SDK's generic table. */
    private long storedRows(boolean mapped) throws SQLException {
        return count(mapped ? HostItems.table(prefix()) : prefix() + "records");
    }

    /** A fresh store writing the stream into a host table with a deleted column, or into the SDK's generic table. */
    private JdbcSyncStore store(boolean mapped) {
        if (!mapped) {
            return JdbcStores.fresh(db(), prefix());
        }
        HostItems.create(db(), prefix(), true);
        return JdbcStores.fresh(db(), prefix(), b -> b.stream(HostItems.mapping(prefix(), true)));
    }

    private static String longKey(int i) {
        return String.format("item-%05d-", i) + "k".repeat(80);
    }

    private static String longName(int i, long version, int length) {
        String head = "n" + i + "v" + version + "-";
        return head + "x".repeat(length - head.length());
    }

    private static Change withFields(String key, long version, Map<String, Object> fields) {
        return Change.upsert(STREAM, key, version, fields, "remote");
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    @Test
    void aSchemaQualifiedHostTableWrittenInAnyCaseIsFound() throws SQLException {
        HostItems.create(db(), prefix(), true);
        String schema;
        try (Connection c = db().connect()) {
            schema = db().kind() == TestDatabase.Kind.MARIADB ? c.getCatalog() : c.getSchema();
        }
        String table = schema + "." + HostItems.table(prefix());
        String written = db().kind() == TestDatabase.Kind.MARIADB ? table : table.toUpperCase(java.util.Locale.ROOT);
        JdbcSyncStore store = JdbcStores.fresh(
                db(),
                prefix(),
                b -> b.stream(StreamTable.stream(STREAM)
                        .table(written)
                        .key("ITEM_ID")
                        .version("Rev")
                        .deleted("removed")
                        .column("name", "Item_Name")
                        .build()));

        assertThat(store.apply(ApplyBatch.of(STREAM, List.of(item("k1", 1, "one"))))
                        .applied())
                .isEqualTo(1);
        StoredRecord k1 = store.read(STREAM, List.of("k1")).get("k1");
        assertThat(k1.fields()).containsEntry("name", "one").containsEntry("note", "host");
    }

    @Test
    void pagesOfOneStreamAppliedAtOnceWithInterleavedNewKeysDoNotDeadlock() throws Exception {
        JdbcSyncStore store = JdbcStores.fresh(db(), prefix());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> applied = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                applied.add(threads.submit(() -> {
                    int n = 0;
                    for (int p = 0; p < 30; p++) {
                        List<Change> page = new ArrayList<>();
                        for (int i = 0; i < 100; i++) {
                            page.add(item(String.format("K%07d", (p * 100 + i) * 2 + thread), 1, "x"));
                        }
                        n += store.apply(ApplyBatch.of(STREAM, page)).applied();
                    }
                    return n;
                }));
            }
            for (Future<Integer> f : applied) {
                assertThat(f.get()).isEqualTo(3000);
            }
        } finally {
            threads.shutdownNow();
        }
        List<String> keys = new ArrayList<>();
        store.scan(STREAM, r -> keys.add(r.key()));
        assertThat(keys).hasSize(6000).isSorted();
    }
}
