package br.dev.sync.portal;

import br.dev.sync.core.jdbc.JdbcSyncStore;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Portal Postal scenarios on the JDBC store on MariaDB ({@code SYNC_TEST_MARIADB_URL}; skipped with a message
 * when absent, unless {@code SYNC_REQUIRE_DATABASES=true}). Tables are prefixed per node and run, and dropped after.
 */
class MariaDbPortalIT extends PortalScenarios {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    private static final AtomicInteger NODES = new AtomicInteger();
    private static final List<String> TABLES = new ArrayList<>();
    private static final List<String> SDK_TABLES = List.of(
            "records",
            "tombstones",
            "baselines",
            "checkpoints",
            "outbox",
            "push_ledger",
            "quarantine",
            "runs",
            "leases",
            "markers",
            "schema_history");

    @Override
    protected SyncStore newStore(String node) {
        String base = TestDatabase.prefix("pp" + NODES.incrementAndGet());
        PortalTables tables = PortalTables.withPrefix(base + "p_");
        synchronized (TABLES) {
            PortalTables.streams().forEach(s -> TABLES.add(tables.table(s)));
            TABLES.add(tables.history());
            SDK_TABLES.forEach(t -> TABLES.add(base + "s_" + t));
        }
        return tables.store(JdbcSyncStore.builder(DB.dataSource()).tablePrefix(base + "s_"), DB.dataSource());
    }

    @AfterAll
    static void dropTables() {
        synchronized (TABLES) {
            if (!TABLES.isEmpty() && DB.dataSource() != null) {
                DB.dropTables(TABLES);
            }
            TABLES.clear();
        }
    }
}
