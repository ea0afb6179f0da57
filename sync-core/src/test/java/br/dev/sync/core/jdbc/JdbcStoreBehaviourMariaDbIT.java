package br.dev.sync.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.Change;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcStoreBehaviourMariaDbIT extends JdbcStoreBehaviour {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.mariadb();

    private static final String PREFIX = TestDatabase.prefix("mariadb_behaviour");

    @Override
    TestDatabase db() {
        return db;
    }

    @Override
    String prefix() {
        return PREFIX;
    }

    /**
     * 2,000 rows of about 160 characters are some 320,000 characters of values: sent as one rewritten statement
     * the driver would grow its buffer to 16 MB for it; cut at about 96,000 characters they go as four or more.
     */
    @Test
    void aLongPageGoesAsSeveralStatementsEachWithinTheDriversBuffer() throws SQLException {
        HostItems.create(db, PREFIX, true);
        JdbcSyncStore store = JdbcStores.fresh(db, PREFIX, b -> b.stream(HostItems.mapping(PREFIX, true)));
        List<Change> page = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            page.add(item(longKey(i), 1, longName(i, 1, 60)));
        }

        long before = inserts();
        int applied = store.apply(ApplyBatch.of(STREAM, page)).applied();
        long statements = inserts() - before;

        assertThat(applied).isEqualTo(2_000);
        assertThat(statements).isBetween(4L, 8L);
    }

    /** The server's count of INSERT statements run so far. */
    private static long inserts() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_insert'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
