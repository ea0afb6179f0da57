package br.dev.sync.examples.customstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.Change;
import br.dev.sync.core.SyncException;
import br.dev.sync.core.jdbc.JdbcSyncStore;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.SyncStoreContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The custom store of docs/spi-guide.md, on the JDBC store over H2, runs the whole store contract kit. */
class AuditTrailStoreTest extends SyncStoreContract {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    @Override
    protected SyncStore newStore() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new AuditTrailStore(JdbcSyncStore.on(h2), CLOCK);
    }

    @Test
    void theTrailHoldsEveryCommittedChangeAndNothingOfARolledBackPage() {
        AuditTrailStore audited = (AuditTrailStore) store;
        audited.apply(
                ApplyBatch.of(STREAM, List.of(Change.upsert(STREAM, "k1", 1, fields("one", "1.00", 1), "portal"))));
        ApplyBatch failing = ApplyBatch.of(
                        STREAM, List.of(Change.upsert(STREAM, "k2", 1, Map.of("name", "two"), "portal")))
                .withBeforeCommit(() -> {
                    throw new IllegalStateException("host table refused the page");
                });

        assertThatThrownBy(() -> audited.apply(failing)).isInstanceOf(SyncException.class);

        assertThat(audited.trail())
                .containsExactly(new AuditTrailStore.Entry(STREAM, "k1", 1, "UPSERT", "portal", CLOCK.instant()));
    }
}
