package br.dev.sync.core.copy;

import br.dev.sync.core.internal.jdbc.SdkTables;
import br.dev.sync.core.jdbc.JdbcSyncStore;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/** New, empty JDBC stores on one test database, each under its own table prefix, dropped after each test. */
final class JdbcStoresForCopy {
    private final TestDatabase db;
    private final String name;
    private final List<String> prefixes = new ArrayList<>();

    JdbcStoresForCopy(TestDatabase db, String name) {
        this.db = db;
        this.name = name;
    }

    SyncStore next() {
        String prefix = TestDatabase.prefix(name + prefixes.size());
        prefixes.add(prefix);
        db.dropTables(new SdkTables(prefix).all());
        return JdbcSyncStore.builder(db.dataSource()).tablePrefix(prefix).build();
    }

    void dropAll() {
        prefixes.forEach(p -> db.dropTables(new SdkTables(p).all()));
        prefixes.clear();
    }
}
