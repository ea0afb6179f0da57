package br.dev.sync.core.jdbc;

import br.dev.sync.core.testkit.TestDatabase;
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
}
