package br.dev.sync.core.jdbc;

import br.dev.sync.core.internal.jdbc.SdkTables;
import br.dev.sync.core.testkit.TestDatabase;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Empty JDBC stores for tests. The first store of a prefix drops and migrates the SDK's tables; later ones empty
 * them (DDL per test made the MariaDB runs slow).
 */
final class JdbcStores {
    private static final Set<String> MIGRATED = ConcurrentHashMap.newKeySet();

    private JdbcStores() {}

    static JdbcSyncStore fresh(TestDatabase db, String prefix) {
        return fresh(db, prefix, b -> b);
    }

    static JdbcSyncStore fresh(TestDatabase db, String prefix, UnaryOperator<JdbcSyncStore.Builder> config) {
        String id = System.identityHashCode(db) + "/" + prefix;
        SdkTables tables = new SdkTables(prefix);
        boolean migrated = MIGRATED.contains(id);
        if (migrated) {
            db.execute(tables.all().stream()
                    .filter(t -> !t.equals(tables.history()))
                    .map(t -> "DELETE FROM " + t)
                    .toArray(String[]::new));
        } else {
            drop(db, prefix);
        }
        JdbcSyncStore store = config.apply(JdbcSyncStore.builder(db.dataSource())
                        .tablePrefix(prefix)
                        .lockTimeout(Duration.ofSeconds(1))
                        .migrate(!migrated))
                .build();
        MIGRATED.add(id);
        return store;
    }

    static void drop(TestDatabase db, String prefix) {
        MIGRATED.remove(System.identityHashCode(db) + "/" + prefix);
        db.dropTables(new SdkTables(prefix).all());
    }
}
