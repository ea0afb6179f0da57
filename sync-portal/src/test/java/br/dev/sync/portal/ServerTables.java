package br.dev.sync.portal;

import br.dev.sync.core.jdbc.JdbcSyncStore;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stores of the Portal Postal scenarios on a shared database server: tables prefixed per node and run, remembered
 * so the test class drops them after. Thread-safe.
 */
final class ServerTables {
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

    private final TestDatabase db;
    private final AtomicInteger nodes = new AtomicInteger();
    private final List<String> tables = new ArrayList<>();

    ServerTables(TestDatabase db) {
        this.db = db;
    }

    SyncStore newStore() {
        String base = TestDatabase.prefix("pp" + nodes.incrementAndGet());
        PortalTables portal = PortalTables.withPrefix(base + "p_");
        synchronized (tables) {
            PortalTables.streams().forEach(s -> tables.add(portal.table(s)));
            tables.add(portal.history());
            SDK_TABLES.forEach(t -> tables.add(base + "s_" + t));
        }
        return portal.store(JdbcSyncStore.builder(db.dataSource()).tablePrefix(base + "s_"), db.dataSource());
    }

    void dropAll() {
        synchronized (tables) {
            if (!tables.isEmpty() && db.dataSource() != null) {
                db.dropTables(tables);
            }
            tables.clear();
        }
    }
}
