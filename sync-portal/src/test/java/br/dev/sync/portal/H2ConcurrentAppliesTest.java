package br.dev.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.jdbc.JdbcSyncStore;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Nullable columns must keep their values when two steps apply into one H2 database at once. */
class H2ConcurrentAppliesTest {
    @Test
    void twoStepsApplyingAtOnceKeepEveryValue() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:concurrent-applies;DB_CLOSE_DELAY=-1");
        try (PortalSandbox sandbox =
                        PortalSandbox.start(SandboxOptions.defaults().withPrePostings(5_000));
                SyncEngine engine = SyncEngine.builder()
                        .node("agency-0042")
                        .parallelism(2)
                        .store(PortalTables.defaults().store(JdbcSyncStore.builder(ds), ds))
                        .build()) {
            engine.run(PortalPostal.connect(Sandboxes.config(sandbox)).quick(PortalScenarios.ALL_DAYS))
                    .throwIfFailed();

            assertThat(Stored.diff(
                            Stored.expected(PortalStreams.PRE_POSTINGS, sandbox.records("pre-postagens")),
                            Stored.in(engine.store(), PortalStreams.PRE_POSTINGS)))
                    .isEmpty();
        }
    }
}
