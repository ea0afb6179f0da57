package br.dev.sync.core.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.spi.OutboxEntry;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's queries on H2 read only what they answer: a claim of 10 entries from an outbox of thousands reads
 * about 10 rows (H2's {@code EXPLAIN ANALYZE} scan count), whatever else the stream holds. With {@code ORDER BY seq}
 * alone H2 read and sorted the stream's whole outbox for every claim.
 */
class OutboxSqlH2Test {
    private static final String STREAM = "processed-objects";
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    private final SdkTables tables = new SdkTables("sync_");
    private final OutboxSql outbox = new OutboxSql(tables, new H2Dialect());
    private JdbcDataSource ds;

    @BeforeEach
    void outboxOfThousands() throws SQLException {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:outbox_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Migrations.migrate(ds, new H2Dialect(), tables);
        OutboxFill.thousands(ds, outbox, STREAM);
    }

    @Test
    void aClaimAndItsAcknowledgementReadOnlyTheBatchsRowsWhateverTheOutboxHolds() throws Exception {
        List<String> statements = new ArrayList<>();
        List<String> acknowledging = new ArrayList<>();
        PushBatch batch;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            batch = outbox.claim(recording(c, statements), STREAM, 10, () -> "b-1", 2L);
            assertThat(batch.entries()).hasSize(10);
            assertThat(batch.entries().get(0).change().key()).isEqualTo("key-00000");
            outbox.acknowledge(
                    recording(c, acknowledging),
                    batch,
                    batch.entries().stream()
                            .map(OutboxEntry::sequence)
                            .map(PushAck::accepted)
                            .toList());
            c.commit();
        }

        assertThat(acknowledging).as("the acknowledgement reads no entries").noneMatch(s -> s.contains("change_json"));
        statements.addAll(acknowledging);
        List<String> queries =
                statements.stream().filter(s -> s.startsWith("SELECT")).toList();
        assertThat(queries)
                .as("the claim's reads and the acknowledgement's check")
                .hasSizeGreaterThanOrEqualTo(3);
        for (String sql : queries) {
            assertThat(rowsRead(sql)).as(sql).isLessThanOrEqualTo(10 + 1); // H2 counts the row that ends a range
        }
        try (Connection c = ds.getConnection()) {
            PushBatch next = outbox.claim(c, STREAM, 10, () -> "b-2", 3L);
            assertThat(next.entries().get(0).change().key()).isEqualTo("key-00010");
            assertThat(outbox.pendingCount(c, STREAM)).isEqualTo(2_990);
        }
    }

    /** Rows H2 read to answer {@code sql} with the stream as its one parameter (a claim waits in the ledger). */
    private long rowsRead(String sql) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            outbox.claim(c, STREAM, 10, () -> "b-explain", 4L);
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
                ps.setString(1, STREAM);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String plan = rs.getString(1);
                    Matcher m = SCAN_COUNT.matcher(plan);
                    long rows = 0;
                    while (m.find()) {
                        rows += Long.parseLong(m.group(1));
                    }
                    assertThat(plan).as(plan).containsAnyOf("scanCount", "index sorted");
                    return rows;
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** {@code c}, noting the text of every statement it prepares. */
    private static Connection recording(Connection c, List<String> statements) {
        return (Connection) Proxy.newProxyInstance(
                OutboxSqlH2Test.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        statements.add((String) args[0]);
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
