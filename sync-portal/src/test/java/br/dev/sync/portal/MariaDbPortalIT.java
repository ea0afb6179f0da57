package br.dev.sync.portal;

import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Portal Postal scenarios on the JDBC store on MariaDB ({@code SYNC_TEST_MARIADB_URL}; skipped with a message
 * when absent, unless {@code SYNC_REQUIRE_DATABASES=true}). Tables are prefixed per node and run, and dropped after.
 */
class MariaDbPortalIT extends PortalScenarios {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.mariadb();

    private static final ServerTables TABLES = new ServerTables(DB);

    @Override
    protected SyncStore newStore(String node) {
        return TABLES.newStore();
    }

    @AfterAll
    static void dropTables() {
        TABLES.dropAll();
    }
}
