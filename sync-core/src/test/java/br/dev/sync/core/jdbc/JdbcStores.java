package br.dev.sync.core.jdbc;

import br.dev.sync.core.internal.jdbc.SdkTables;
import br.dev.sync.core.testkit.TestDatabase;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Empty JDBC stores for tests: the SDK's tables of a prefix are dropped and migrated again. */
final class JdbcStores {
    private JdbcStores() {}

    static JdbcSyncStore fresh(TestDatabase db, String prefix) {
        return fresh(db, prefix, b -> b);
    }

    static JdbcSyncStore fresh(TestDatabase db, String prefix, UnaryOperator<JdbcSyncStore.Builder> config) {
        drop(db, prefix);
        return config.apply(JdbcSyncStore.builder(db.dataSource())
                        .tablePrefix(prefix)
                        .lockTimeout(Duration.ofSeconds(1)))
                .build();
    }

    static void drop(TestDatabase db, String prefix) {
        db.dropTables(new SdkTables(prefix).all());
    }
}
