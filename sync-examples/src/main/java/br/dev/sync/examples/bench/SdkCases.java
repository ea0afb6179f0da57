package br.dev.sync.examples.bench;

import br.dev.sync.core.Change;
import br.dev.sync.core.Step;
import br.dev.sync.core.StepReport;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.jdbc.JdbcSyncStore;
import br.dev.sync.core.jdbc.StreamTable;
import br.dev.sync.core.spi.SyncTransport;
import br.dev.sync.core.validation.BrazilianIds;
import br.dev.sync.portal.PortalStreams;
import br.dev.sync.portal.PortalTables;
import br.dev.sync.portal.model.ProcessedObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/** The SDK's own work: pulls into a mapped host table or the generic table, the conflict pull, the push. */
final class SdkCases {
    /** Where a pull writes. */
    enum Target {
        /** The host's table with real columns and a deleted flag (the SDK counts writes from the batch). */
        MAPPED,
        /** The Portal default table from {@link PortalTables} (no deleted flag: versions are read first). */
        PORTAL_TABLE,
        /** The SDK's generic table, fields as JSON text. */
        GENERIC
    }

    private final BenchDb db;
    private final DataSource ds;
    private final SyncTransport transport;
    private final String prefix;

    /** The cases on tables whose names start with {@code prefix} (the SDK's own and the host's). */
    SdkCases(BenchDb db, DataSource ds, SyncTransport transport, String prefix) {
        this.db = db;
        this.ds = ds;
        this.transport = transport;
        this.prefix = prefix;
    }

    String hostTable() {
        return prefix + "pre_postings";
    }

    /** Creates the target table (unless {@code keep}) and answers the store that writes into it. */
    JdbcSyncStore store(Target target, boolean keep) throws SQLException {
        return store(target, keep, prefix);
    }

    /**
     * As {@link #store(Target, boolean)}, with the SDK's own tables (checkpoints, outbox) named with {@code
     * sdkPrefix}: another prefix gives a store that has pulled nothing yet into the same target table.
     */
    JdbcSyncStore store(Target target, boolean keep, String sdkPrefix) throws SQLException {
        if (!keep && target == Target.MAPPED) {
            try (Connection c = ds.getConnection()) {
                db.createHostTable(c, hostTable());
            }
        }
        JdbcSyncStore.Builder b = JdbcSyncStore.builder(ds).tablePrefix(sdkPrefix);
        if (target == Target.MAPPED) {
            b.stream(mapping(hostTable()).deleted("deleted").build());
        } else if (target == Target.PORTAL_TABLE) {
            PortalTables tables = portalTables();
            tables.migrate(ds);
            b.stream(mapping(tables.table(PortalStreams.PRE_POSTINGS)).build());
        }
        return b.build();
    }

    private PortalTables portalTables() {
        return PortalTables.withPrefix(prefix + "portal_");
    }

    /** Lowers every version the target table holds by one: the same records pulled again are then newer. */
    void lowerVersions(Target target) throws SQLException {
        String table = target == Target.MAPPED ? hostTable() : portalTables().table(PortalStreams.PRE_POSTINGS);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + table + " SET version = version - 1");
        }
    }

    private static StreamTable.Builder mapping(String table) {
        StreamTable.Builder m = StreamTable.stream(Pages.STREAM).table(table).key("sync_key");
        PortalTables.columns(PortalStreams.PRE_POSTINGS).forEach(m::column);
        return m;
    }

    /** One pull of every pre-posting the server holds after the store's checkpoint; answers the records applied. */
    static long pull(JdbcSyncStore store, SyncTransport transport) {
        SyncEngine.Builder b = SyncEngine.builder().node("bench").store(store);
        Integer decodeThreads = Integer.getInteger("bench.decodeThreads");
        if (decodeThreads != null) {
            b.decodeThreads(decodeThreads);
        }
        try (SyncEngine engine = b.build()) {
            SyncReport report =
                    engine.run(Step.pull(PortalStreams.PRE_POSTINGS, transport).pageSize(Pages.PAGE));
            return checked(report, StepReport::applied);
        }
    }

    /** Leaves a pending local change in the outbox for every tenth pre-posting the server holds. */
    void pendingChanges(JdbcSyncStore store) throws SQLException {
        List<String> keys = new ArrayList<>();
        int[] seen = {0};
        Pages.each(transport, raws -> {
            for (String raw : raws) {
                if (seen[0]++ % 10 == 0) {
                    keys.add((String) Pages.row(raw, 0)[0]);
                }
            }
        });
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            changes.add(Change.upsert(Pages.STREAM, key, 1, Map.of("note", "changed at the counter"), "bench"));
        }
        append(store, changes);
    }

    /** Appends changes to the outbox, a transaction per 1,000. */
    void append(JdbcSyncStore store, List<Change> changes) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            int n = 0;
            for (Change ch : changes) {
                store.appendIn(c, ch);
                if (++n % 1_000 == 0) {
                    c.commit();
                }
            }
            c.commit();
        }
    }

    /** Fills the outbox with {@code rows} processed objects (untimed), a transaction per 1,000; answers the store. */
    JdbcSyncStore outbox(int rows, String run) throws SQLException {
        JdbcSyncStore store = JdbcSyncStore.builder(ds).tablePrefix(prefix).build();
        Instant now = Instant.now();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < rows; i++) {
                store.appendIn(
                        c, PortalStreams.change(PortalStreams.PROCESSED_OBJECTS, processed(i, run, now), "bench"));
                if ((i + 1) % 1_000 == 0) {
                    c.commit();
                }
            }
            c.commit();
        }
        return store;
    }

    private static ProcessedObject processed(int i, String run, Instant now) {
        String digits = String.format("%08d", i);
        return new ProcessedObject(
                "PB" + digits + BrazilianIds.trackingCheckDigit(digits) + "BR",
                "03220",
                "C" + run,
                100 + i % 30_000,
                BigDecimal.valueOf(1_000 + i % 90_000, 2),
                LocalDate.of(2026, 11, 20),
                now);
    }

    /** Pushes the whole outbox; answers the records the server accepted. */
    long push(JdbcSyncStore store) {
        try (SyncEngine engine = SyncEngine.builder().node("bench").store(store).build()) {
            SyncReport report = engine.run(
                    Step.push(PortalStreams.PROCESSED_OBJECTS, transport).batchSize(Pages.PAGE));
            return checked(report, StepReport::pushed);
        }
    }

    private static long checked(SyncReport report, ToLongFunction<StepReport> counter) {
        if (!report.succeeded()) {
            throw new IllegalStateException("the run failed: " + report);
        }
        return report.total(counter);
    }
}
