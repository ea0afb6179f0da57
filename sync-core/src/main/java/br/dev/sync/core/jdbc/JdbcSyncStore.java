package br.dev.sync.core.jdbc;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineQuery;
import br.dev.sync.core.StoreException;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.internal.jdbc.Dialect;
import br.dev.sync.core.internal.jdbc.Dialects;
import br.dev.sync.core.internal.jdbc.GenericTable;
import br.dev.sync.core.internal.jdbc.Identifiers;
import br.dev.sync.core.internal.jdbc.LeaseSql;
import br.dev.sync.core.internal.jdbc.MappedTable;
import br.dev.sync.core.internal.jdbc.Micros;
import br.dev.sync.core.internal.jdbc.Migrations;
import br.dev.sync.core.internal.jdbc.OutboxSql;
import br.dev.sync.core.internal.jdbc.QuarantineSql;
import br.dev.sync.core.internal.jdbc.RecordTable;
import br.dev.sync.core.internal.jdbc.SdkTables;
import br.dev.sync.core.internal.jdbc.StateSql;
import br.dev.sync.core.internal.jdbc.Transactions;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.ApplyResult;
import br.dev.sync.core.spi.Marker;
import br.dev.sync.core.spi.OutboxEntry;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import br.dev.sync.core.spi.StoredRecord;
import br.dev.sync.core.spi.SyncStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The {@link SyncStore} on a relational database through a {@link DataSource}: H2 (the embedded default),
 * PostgreSQL and MariaDB, detected from the connection's metadata.
 *
 * <p><b>Tables.</b> The SDK's own tables ({@code <prefix>records, tombstones, baselines, checkpoints, outbox,
 * push_ledger, quarantine, runs, leases, markers}, prefix {@code sync_} by default) are created and upgraded by
 * Flyway with its own history table {@code <prefix>schema_history}, so the host's migrations and history are
 * never touched; {@code migrate(false)} leaves the schema to the host, who can run the plain SQL shipped as
 * {@code br/dev/sync/core/jdbc/ddl/<h2|postgresql|mariadb>.sql} (prefix {@code sync_}). A stream without a
 * {@link StreamTable} lives in {@code <prefix>records} with its fields as JSON text (decimals come back as
 * BigDecimal, integers as Integer/Long, java.time values as ISO text); a mapped stream is written into the host's
 * table with real columns.
 *
 * <p><b>Apply.</b> {@link #apply} is one READ COMMITTED transaction per page under the lock timeout (MariaDB's
 * default REPEATABLE READ took gap locks that made concurrent pages deadlock): on PostgreSQL and MariaDB it reads
 * the stored versions of the page's keys with {@code SELECT ... FOR UPDATE} (so the applied/unchanged counts are
 * exact whatever the driver reports for batches, and pages repeated after a crash write nothing; H2 skips the read
 * and counts from its exact batch results, except for a page with a key twice or a mapped table without a deleted
 * column), then writes the newer changes as JDBC batches of the dialect's upsert with the version comparison inside the
 * statement, on MariaDB in statements of about 80,000 characters of values each (PostgreSQL
 * {@code ON CONFLICT ... WHERE t.version < EXCLUDED.version}, MariaDB {@code ON DUPLICATE KEY UPDATE c =
 * IF(VALUES(version) > version, ...)}, H2 {@code MERGE ... WHEN MATCHED AND t.version < s.version}), then the
 * baselines, quarantine entries, released quarantine, outbox drops and rewrites, markers and the checkpoint, runs
 * the batch's {@code beforeCommit} hook and commits. Any failure rolls all of it back.
 *
 * <p><b>Locks.</b> When another session holds a row the page needs for longer than the lock timeout (default 5 s;
 * MariaDB rounds it up to whole seconds), {@link #apply} throws {@link br.dev.sync.core.LockTimeoutException}
 * naming the blocking session where the database can tell (PostgreSQL {@code pg_blocking_pids}, MariaDB
 * {@code information_schema.INNODB_LOCK_WAITS}, H2 {@code INFORMATION_SCHEMA.SESSIONS.BLOCKER_ID} for admin
 * users). The blocker is looked up on a second pooled connection while the wait lasts, so the pool needs one
 * connection to spare for that. Nothing of the page is committed; the same page can be applied again.
 *
 * <p><b>Outbox.</b> {@link #append} commits on its own; {@link #appendIn} writes the entry on the host's own
 * connection and commits nothing, so a sale and its outbox entry commit (or roll back) together. A claimed push
 * batch is kept in {@code <prefix>push_ledger} and answered again, same id and entries, until acknowledged, also
 * after a restart. Two processes claiming the same stream at once do not share a batch: one of them fails with a
 * {@link StoreException} (the ledger's key), which the engine's lease already prevents.
 *
 * <p><b>Leases</b> are atomic across processes (see {@link #tryLease}); times are this store's clock, so nodes
 * sharing a database need synchronised clocks. <b>Instants</b> are kept as epoch microseconds.
 *
 * <p>Errors are {@link StoreException}s naming the operation and stream, with the driver's exception as the cause
 * and no SQL text or values in the message. The store does not close the DataSource. Thread-safe.
 */
public final class JdbcSyncStore implements SyncStore {
    private final Clock clock;
    private final Dialect dialect;
    private final java.util.concurrent.locks.ReentrantLock h2Applies;
    private final SdkTables tables;
    private final Transactions tx;
    private final Map<String, RecordTable> streams = new ConcurrentHashMap<>();
    private final OutboxSql outbox;
    private final QuarantineSql quarantine;
    private final StateSql state;
    private final LeaseSql leases;

    private JdbcSyncStore(Builder b, Dialect dialect, Map<String, RecordTable> mapped) {
        this.clock = b.clock;
        this.dialect = dialect;
        this.h2Applies = "h2".equals(dialect.name()) ? new java.util.concurrent.locks.ReentrantLock() : null;
        this.tables = new SdkTables(b.prefix);
        this.tx = new Transactions(b.dataSource, dialect, b.lockTimeout);
        this.streams.putAll(mapped);
        this.outbox = new OutboxSql(tables, dialect);
        this.quarantine = new QuarantineSql(tables);
        this.state = new StateSql(tables, dialect);
        this.leases = new LeaseSql(tables, dialect);
    }

    /** A store with the defaults: prefix {@code sync_}, every stream in the generic table, tables migrated. */
    public static JdbcSyncStore on(DataSource dataSource) {
        return builder(dataSource).build();
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The detected database: {@code h2}, {@code postgresql} or {@code mariadb}. */
    public String database() {
        return dialect.name();
    }

    public String tablePrefix() {
        return tables.prefix();
    }

    // ---- records and checkpoints

    @Override
    public ApplyResult apply(ApplyBatch batch) {
        for (Change c : batch.changes()) {
            if (!c.stream().equals(batch.stream())) {
                throw new StoreException(
                        "change of stream " + c.stream() + " key " + c.key() + " in a batch of " + batch.stream());
            }
        }
        RecordTable table = table(batch.stream());
        if (h2Applies == null) {
            return tx.write("applying a page", batch.stream(), c -> applyIn(c, table, batch));
        }
        // H2: one page at a time per store. Parallel steps applying MERGE ... USING (VALUES ...) into mapped
        // tables of one H2 database were seen to leave nullable columns NULL now and then; H2 writes one page at a
        // time in practice anyway, so this costs little and rules the race out.
        h2Applies.lock();
        try {
            return tx.write("applying a page", batch.stream(), c -> applyIn(c, table, batch));
        } finally {
            h2Applies.unlock();
        }
    }

    private ApplyResult applyIn(Connection c, RecordTable table, ApplyBatch batch) throws SQLException {
        List<String> keys = batch.changes().stream().map(Change::key).distinct().toList();
        Map<String, Change> writes = new LinkedHashMap<>();
        int unchanged = 0;
        List<Change> counted = keys.size() == batch.changes().size() ? table.tryWriteCounted(c, batch.changes()) : null;
        if (counted != null) {
            counted.forEach(ch -> writes.put(ch.key(), ch));
            unchanged = batch.changes().size() - writes.size();
        } else {
            Map<String, Long> stored = keys.isEmpty() ? Map.of() : table.lockVersions(c, keys);
            for (Change ch : batch.changes()) {
                Long current = writes.containsKey(ch.key())
                        ? Long.valueOf(writes.get(ch.key()).version())
                        : stored.get(ch.key());
                if (current != null && current >= ch.version()) {
                    unchanged++;
                } else {
                    writes.put(ch.key(), ch);
                }
            }
            if (!writes.isEmpty()) {
                table.writeOverLocked(c, writes.values(), stored);
            }
        }
        if (batch.keepBaseline()) {
            Map<String, Map<String, Object>> base = new LinkedHashMap<>();
            writes.values().forEach(ch -> base.put(ch.key(), ch.isDelete() ? Map.of() : ch.fields()));
            state.putBaselines(c, batch.stream(), base);
        }
        List<Long> ids = quarantine.insert(c, batch.quarantine());
        quarantine.delete(c, batch.releasedQuarantine());
        outbox.settle(c, batch.dropOutbox(), batch.rewriteOutbox());
        state.putMarkers(c, batch.markers());
        for (Change queued : batch.append()) {
            outbox.append(c, queued, now());
        }
        if (batch.checkpoint() != null && batch.cursor() != null) {
            state.putCheckpoint(c, batch.checkpoint(), batch.cursor(), now());
        }
        if (batch.beforeCommit() != null) {
            batch.beforeCommit().run();
        }
        return new ApplyResult(writes.size(), unchanged, ids);
    }

    @Override
    public Optional<String> checkpoint(CheckpointId id) {
        return tx.read("reading a checkpoint", id.stream(), c -> state.checkpoint(c, id));
    }

    @Override
    public Map<String, StoredRecord> read(String stream, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, StoredRecord> found =
                tx.read("reading records", stream, c -> table(stream).read(c, keys));
        Map<String, StoredRecord> out = new LinkedHashMap<>();
        keys.forEach(k -> {
            if (found.containsKey(k)) {
                out.put(k, found.get(k));
            }
        });
        return out;
    }

    @Override
    public void scan(String stream, Consumer<StoredRecord> each) {
        tx.read("scanning records", stream, c -> {
            table(stream).scan(c, each);
            return null;
        });
    }

    @Override
    public Map<String, Map<String, Object>> baselines(String stream, Collection<String> keys) {
        return keys.isEmpty()
                ? new HashMap<>()
                : tx.read("reading baselines", stream, c -> state.baselines(c, stream, keys));
    }

    // ---- outbox

    @Override
    public long append(Change change) {
        return tx.write("appending to the outbox", change.stream(), c -> outbox.append(c, change, now()));
    }

    /**
     * Writes {@code change} to the outbox on the host's own connection, inside the host's transaction, and commits
     * nothing: the entry exists exactly when the host commits. The connection must reach this store's tables (the
     * same database and schema). Answers the entry's sequence.
     */
    public long appendIn(Connection hostConnection, Change change) {
        try {
            return outbox.append(hostConnection, change, now());
        } catch (SQLException e) {
            throw tx.translate("appending to the outbox in the host's transaction", change.stream(), e);
        }
    }

    @Override
    public Map<String, OutboxEntry> pendingFor(String stream, Collection<String> keys) {
        return keys.isEmpty()
                ? new HashMap<>()
                : tx.read("reading pending outbox entries", stream, c -> outbox.pendingFor(c, stream, keys));
    }

    @Override
    public long pendingCount(String stream) {
        return tx.read("counting pending outbox entries", stream, c -> outbox.pendingCount(c, stream));
    }

    @Override
    public boolean hasPending(String stream) {
        return tx.read("looking for pending outbox entries", stream, c -> outbox.hasPending(c, stream));
    }

    @Override
    public PushBatch claimBatch(String stream, int limit, Supplier<String> newBatchId) {
        return tx.write("claiming a push batch", stream, c -> outbox.claim(c, stream, limit, newBatchId, now()));
    }

    @Override
    public void acknowledge(PushBatch batch, List<PushAck> acks, List<QuarantineEntry> rejected) {
        tx.write("acknowledging push batch " + batch.id(), batch.stream(), c -> {
            outbox.acknowledge(c, batch, acks);
            quarantine.insert(c, rejected);
            return null;
        });
    }

    // ---- quarantine

    @Override
    public List<QuarantineEntry> quarantined(QuarantineQuery query) {
        return tx.read("listing the quarantine", query.stream(), c -> quarantine.list(c, query));
    }

    @Override
    public Optional<QuarantineEntry> quarantined(long id) {
        return tx.read("reading quarantine entry " + id, null, c -> quarantine.get(c, id));
    }

    @Override
    public void requarantine(QuarantineEntry updated) {
        tx.write("updating quarantine entry " + updated.id(), updated.stream(), c -> {
            quarantine.update(c, updated);
            return null;
        });
    }

    @Override
    public boolean deleteQuarantined(long id) {
        return tx.write("deleting quarantine entry " + id, null, c -> quarantine.delete(c, List.of(id)) > 0);
    }

    @Override
    public long quarantineCount(String stream) {
        return tx.read("counting the quarantine", stream, c -> quarantine.count(c, stream));
    }

    // ---- run log

    @Override
    public void recordRun(SyncReport report) {
        tx.write("recording run " + report.runId(), null, c -> {
            state.recordRun(c, report);
            return null;
        });
    }

    @Override
    public List<SyncReport> recentRuns(int limit) {
        return tx.read("reading the run log", null, c -> state.recentRuns(c, limit));
    }

    // ---- leases

    /**
     * Takes the lease if it is free, expired or already this holder's (then renews it). Atomic across processes
     * and stores on the same database: one conditional {@code UPDATE}, else one {@code INSERT} that the primary key
     * lets only one racer win, each in its own auto-committed statement.
     */
    @Override
    public boolean tryLease(String name, String holder, Duration ttl) {
        long now = now();
        long expires = Micros.of(clock.instant().plus(ttl));
        return tx.autoCommit("taking lease " + name, null, c -> leases.tryLease(c, name, holder, now, expires));
    }

    @Override
    public void releaseLease(String name, String holder) {
        tx.autoCommit("releasing lease " + name, null, c -> {
            leases.release(c, name, holder);
            return null;
        });
    }

    // ---- markers

    @Override
    public void putMarker(Marker marker) {
        tx.write("writing marker " + marker.kind(), null, c -> {
            state.putMarkers(c, List.of(marker));
            return null;
        });
    }

    @Override
    public Optional<Marker> marker(String kind, String key) {
        return tx.read(
                "reading marker " + kind,
                null,
                c -> state.markers(c, kind, key).stream().findFirst());
    }

    @Override
    public List<Marker> markers(String kind) {
        return tx.read("reading markers " + kind, null, c -> state.markers(c, kind, null));
    }

    private RecordTable table(String stream) {
        return streams.computeIfAbsent(stream, s -> new GenericTable(dialect, tables.records(), s, clock));
    }

    private long now() {
        return Micros.of(clock.instant());
    }

    /** Settings of a {@link JdbcSyncStore}; {@link #build()} validates them all at once. Not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private String prefix = "sync_";
        private final List<StreamTable> mappings = new ArrayList<>();
        private Duration lockTimeout = Duration.ofSeconds(5);
        private boolean migrate = true;
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** The prefix of the SDK's tables (default {@code sync_}); letters, digits and _, at most 49 characters. */
        public Builder tablePrefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** Writes a stream into a host's table instead of the generic one. */
        public Builder stream(StreamTable mapping) {
            mappings.add(mapping);
            return this;
        }

        /** How long an apply waits for a row another session holds (default 5 s). */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = timeout;
            return this;
        }

        /** Whether to create and upgrade the SDK's tables with Flyway on build (default true). */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /** The clock of checkpoints' and leases' times (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Validates the settings, detects the database, migrates the SDK's tables (when asked) and looks the mapped
         * tables up.
         *
         * @throws ConfigurationException listing every invalid setting, or every missing mapped table or column
         * @throws StoreException when the database cannot be reached or migrated
         */
        public JdbcSyncStore build() {
            validate();
            SdkTables t = new SdkTables(prefix);
            Transactions probe = new Transactions(dataSource, null, lockTimeout);
            Dialect dialect = probe.autoCommit("detecting the database", null, Dialects::detect);
            if (migrate) {
                Migrations.migrate(dataSource, dialect, t);
            }
            Map<String, RecordTable> mapped = new Transactions(dataSource, dialect, lockTimeout)
                    .read("looking up the mapped tables", null, c -> resolve(c, dialect, t));
            return new JdbcSyncStore(this, dialect, mapped);
        }

        private Map<String, RecordTable> resolve(Connection c, Dialect dialect, SdkTables t) throws SQLException {
            Map<String, RecordTable> out = new HashMap<>();
            for (StreamTable m : mappings) {
                out.put(
                        m.stream(),
                        MappedTable.resolve(
                                c,
                                dialect,
                                m.stream(),
                                m.table(),
                                m.keyColumn(),
                                m.versionColumn(),
                                m.deletedColumn(),
                                m.columns(),
                                m.ignoreUnmappedFields(),
                                t.tombstones()));
            }
            return out;
        }

        private void validate() {
            List<String> problems = new ArrayList<>();
            if (dataSource == null) {
                problems.add("the DataSource is missing");
            }
            if (prefix == null || !Identifiers.isName(prefix) || prefix.length() > 49) {
                problems.add(Identifiers.describe("table prefix", prefix).replace("63", "49"));
            }
            if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.isZero()) {
                problems.add("lock timeout " + lockTimeout + " must be positive");
            }
            if (clock == null) {
                problems.add("the clock is missing");
            }
            List<String> seen = new ArrayList<>();
            for (StreamTable m : mappings) {
                problems.addAll(m.violations());
                if (seen.contains(m.stream())) {
                    problems.add("stream " + m.stream() + " is mapped twice");
                }
                seen.add(m.stream());
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("the JDBC store's configuration", problems);
            }
        }
    }
}
