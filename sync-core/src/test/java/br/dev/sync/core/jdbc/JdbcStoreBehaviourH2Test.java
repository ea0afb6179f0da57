package br.dev.sync.core.jdbc;

import br.dev.sync.core.testkit.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcStoreBehaviourH2Test extends JdbcStoreBehaviour {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.h2();

    private static final String PREFIX = TestDatabase.prefix("h2_behaviour");

    @Override
    TestDatabase db() {
        return db;
    }

    @Override
    String prefix() {
        return PREFIX;
    }
}
