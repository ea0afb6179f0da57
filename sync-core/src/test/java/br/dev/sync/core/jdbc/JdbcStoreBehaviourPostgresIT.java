package br.dev.sync.core.jdbc;

import br.dev.sync.core.testkit.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcStoreBehaviourPostgresIT extends JdbcStoreBehaviour {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    private static final String PREFIX = TestDatabase.prefix("postgres_behaviour");

    @Override
    TestDatabase db() {
        return db;
    }

    @Override
    String prefix() {
        return PREFIX;
    }
}
