package br.dev.sync.core.align;

import br.dev.sync.core.internal.jdbc.SdkTables;
import br.dev.sync.core.jdbc.JdbcSyncStore;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The align contract on the JDBC store over H2, where values come back from JSON text in the generic table. */
class JdbcH2AlignTest extends AlignContract {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.h2();

    private static final String PREFIX = TestDatabase.prefix("align_h2_");

    @Override
    SyncStore newStore() {
        db.dropTables(new SdkTables(PREFIX).all());
        return JdbcSyncStore.builder(db.dataSource()).tablePrefix(PREFIX).build();
    }

    @AfterEach
    void dropTables() {
        db.dropTables(new SdkTables(PREFIX).all());
    }
}
