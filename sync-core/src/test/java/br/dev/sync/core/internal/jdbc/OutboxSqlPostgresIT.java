package br.dev.sync.core.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.Change;
import br.dev.sync.core.spi.OutboxEntry;
import br.dev.sync.core.spi.PushBatch;
import br.dev.sync.core.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On PostgreSQL the outbox's reads follow the index that answers them also on an outbox filled since its last
 * ANALYZE. The conflict check's read of pending entries probes the {@code (record_key, stream)} index once per key:
 * asked as {@code stream = ? AND record_key IN (..)}, an outbox without statistics was read along the
 * {@code (stream, seq)} index, all of the stream's entries filtered for every page. A push claim walks the
 * {@code (stream, seq)} index to its limit: it read all of the stream's entries and sorted them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxSqlPostgresIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    private static final String STREAM = "pre-postings";
    private static final String OTHER = "service-orders";
    private static final int ENTRIES = 20_000;
    private static final int EDITED_TWICE = 100;
    private static final SdkTables TABLES = new SdkTables(TestDatabase.prefix("pg_outbox"));
    private static final OutboxSql OUTBOX = new OutboxSql(TABLES, new PostgresDialect());

    @BeforeAll
    static void outboxFilledWithoutStatistics() throws SQLException {
        db.dropTables(TABLES.all());
        Migrations.migrate(db.dataSource(), new PostgresDialect(), TABLES);
        db.execute("ALTER TABLE " + TABLES.outbox() + " SET (autovacuum_enabled = false)");
        List<Change> changes = new ArrayList<>();
        IntStream.range(0, ENTRIES).forEach(i -> changes.add(change(STREAM, i, "first")));
        IntStream.range(0, 2_000).forEach(i -> changes.add(change(OTHER, i, "other stream")));
        IntStream.range(0, EDITED_TWICE).forEach(i -> changes.add(change(STREAM, i * 7, "second")));
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLES.outbox()
                        + " (stream, record_key, change_json, created_at) VALUES (?, ?, ?, 1)")) {
            for (Change ch : changes) {
                ps.setString(1, ch.stream());
                ps.setString(2, ch.key());
                ps.setString(3, JsonText.write(ch, ch.key()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @AfterAll
    static void drop() {
        db.dropTables(TABLES.all());
    }

    private static Change change(String stream, int i, String note) {
        return Change.upsert(stream, key(i), 1, Map.of("note", note, "i", i), "test");
    }

    private static String key(int i) {
        return String.format("key-%05d", i);
    }

    @Test
    @Order(1)
    void theOutboxHasNoStatisticsYetAndIsProbedAlongTheKeyIndex() throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(analyzed(c))
                    .as("the outbox has been analyzed; the test needs it without statistics")
                    .isFalse();
            // one backward step along (record_key, stream, seq) per key, with no sort of the key's entries
            assertThat(plan(c))
                    .contains("Index Scan Backward using " + TABLES.outbox() + "_key")
                    .doesNotContain("_stream")
                    .doesNotContain("Sort");
        }
    }

    @Test
    @Order(1)
    void aClaimWithoutStatisticsWalksTheStreamIndexToItsLimitAndAnswersTheFirstEntries() throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            assertThat(analyzed(c)).isFalse();
            new PostgresDialect().beforeQueueRead(c);
            String plan;
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + OUTBOX.claimSql(1_000))) {
                ps.setString(1, STREAM);
                plan = lines(ps);
            }
            PushBatch batch = OUTBOX.claim(c, STREAM, 1_000, () -> "b-1", 2L);
            c.rollback();

            assertThat(plan)
                    .contains("Index Scan using " + TABLES.outbox() + "_stream")
                    .doesNotContain("Sort");
            assertThat(batch.entries()).hasSize(1_000);
            assertThat(batch.entries().get(0).change().key()).isEqualTo(key(0));
            assertThat(batch.entries().get(999).change().key()).isEqualTo(key(999));
            assertThat(batch.entries()).allMatch(e -> e.change().stream().equals(STREAM));
        }
    }

    @Test
    @Order(2)
    void theNewestEntryOfEachKeyOfTheStreamIsAnswered() throws SQLException {
        List<String> keys = new ArrayList<>();
        IntStream.range(0, 1_000).forEach(i -> keys.add(key(i)));
        IntStream.range(ENTRIES, ENTRIES + 200).forEach(i -> keys.add(key(i))); // nothing pending
        try (Connection c = db.connect()) {
            Map<String, OutboxEntry> pending = OUTBOX.pendingFor(c, STREAM, keys);

            assertThat(pending).hasSize(1_000);
            assertThat(pending.values()).allMatch(e -> e.change().stream().equals(STREAM));
            assertThat(pending.get(key(7)).change().fields().get("note")).isEqualTo("second");
            assertThat(pending.get(key(8)).change().fields().get("note")).isEqualTo("first");
            assertThat(pending.get(key(7)).sequence()).isGreaterThan(ENTRIES + 2_000);
            long twice = pending.values().stream()
                    .filter(e -> e.change().fields().get("note").equals("second"))
                    .count();
            assertThat(twice).isEqualTo(EDITED_TWICE); // keys 0, 7, .., 693
            assertThat(OUTBOX.pendingFor(c, OTHER, List.of(key(1), key(2_500)))).containsOnlyKeys(key(1));
            assertThat(OUTBOX.pendingFor(c, STREAM, List.of())).isEmpty();
        }
    }

    @Test
    @Order(3)
    void onceAnalyzedItStillProbesTheKeyIndex() throws SQLException {
        db.execute("ANALYZE " + TABLES.outbox());
        try (Connection c = db.connect()) {
            assertThat(analyzed(c)).isTrue();
            // one backward step along (record_key, stream, seq) per key, with no sort of the key's entries
            assertThat(plan(c))
                    .contains("Index Scan Backward using " + TABLES.outbox() + "_key")
                    .doesNotContain("_stream")
                    .doesNotContain("Sort");
        }
    }

    private static boolean analyzed(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL"
                + " FROM pg_stat_user_tables WHERE relname = ?")) {
            ps.setString(1, TABLES.outbox());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The plan of the probing statement for a page of 500 keys. */
    private static String plan(Connection c) throws SQLException {
        String[] keys = IntStream.range(0, 500).mapToObj(i -> key(i * 3)).toArray(String[]::new);
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + OUTBOX.probeSql())) {
            ps.setArray(1, c.createArrayOf("text", keys));
            ps.setString(2, STREAM);
            return lines(ps);
        }
    }

    private static String lines(PreparedStatement ps) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }
}
