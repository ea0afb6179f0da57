package br.dev.sync.core.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.spi.PushBatch;
import br.dev.sync.core.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On MariaDB a claim and the "anything pending?" check read along the {@code (stream, seq)} index and stop at their
 * limit, through a JDBC connection (whose collation, utf8mb4_general_ci, differs from the column's utf8mb4_bin).
 * With {@code ORDER BY stream, seq} MariaDB sorted the stream's whole outbox for every claim: ~100 ms and 300,000
 * rows examined for a claim of 1,000 in a 300,000-entry push.
 */
class OutboxSqlMariaDbIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.mariadb();

    private static final String STREAM = "processed-objects";
    private static final SdkTables TABLES = new SdkTables(TestDatabase.prefix("mdb_outbox"));
    private static final Dialect DIALECT = new MariaDbDialect();
    private static final OutboxSql OUTBOX = new OutboxSql(TABLES, DIALECT);

    @BeforeAll
    static void outboxOfThousands() throws SQLException {
        db.dropTables(TABLES.all());
        Migrations.migrate(db.dataSource(), DIALECT, TABLES);
        OutboxFill.thousands(db.dataSource(), OUTBOX, STREAM);
    }

    @AfterAll
    static void drop() {
        db.dropTables(TABLES.all());
    }

    @Test
    void aClaimOfTenAndThePendingCheckReadTensOfRowsNotTheOutbox() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long before = rowsRead(c);
            PushBatch batch = OUTBOX.claim(c, STREAM, 10, () -> "b-1", 2L);
            long claimed = rowsRead(c) - before;
            boolean pending = OUTBOX.hasPending(c, STREAM);
            long checked = rowsRead(c) - before - claimed;
            c.rollback();

            assertThat(batch.entries()).hasSize(10);
            assertThat(batch.entries().get(0).change().key()).isEqualTo("key-00000");
            assertThat(pending).isTrue();
            // the claim also looks for an open batch in the (empty) ledger and writes the batch there
            assertThat(claimed).as("rows the claim read").isLessThan(100);
            assertThat(checked).as("rows the pending check read").isLessThan(10);
        }
    }

    /** Rows this session's handlers have read so far (index and table reads, in order or not). */
    private static long rowsRead(Connection c) throws SQLException {
        long n = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SESSION STATUS WHERE Variable_name IN ('Handler_read_next',"
                        + " 'Handler_read_rnd_next', 'Handler_read_key', 'Handler_read_first', 'Handler_read_prev')")) {
            while (rs.next()) {
                n += rs.getLong(2);
            }
        }
        return n;
    }
}
