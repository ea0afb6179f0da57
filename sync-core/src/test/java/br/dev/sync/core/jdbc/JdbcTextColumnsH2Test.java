package br.dev.sync.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineStage;
import br.dev.sync.core.internal.jdbc.Migrations;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.ApplyResult;
import br.dev.sync.core.spi.Marker;
import br.dev.sync.core.spi.StoredRecord;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's text on H2 is CHARACTER VARYING, not a large object: long values still fit, and reading many records on
 * a pooled connection leaves nothing behind on its session.
 */
class JdbcTextColumnsH2Test {
    private static final String STREAM = "s";
    /** Flyway takes two connections at once. */
    private static final int POOL = 2;

    /** A pool on an H2 file database: H2 keeps the large objects a query answered only for a persistent one. */
    private static HikariDataSource pool(Path dir, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setMaximumPoolSize(POOL);
        config.setPoolName("text-" + name);
        return new HikariDataSource(config);
    }

    @Test
    void fourMillionCharactersGoThroughRecordsBaselinesCheckpointsQuarantineAndMarkers(@TempDir Path dir) {
        String big = "é€".repeat(2_000_000);
        assertThat(big).hasSize(4_000_000);
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        CheckpointId checkpoint = new CheckpointId("node-a", STREAM, "", "");
        try (HikariDataSource ds = pool(dir, "big")) {
            JdbcSyncStore store = JdbcSyncStore.on(ds);
            QuarantineEntry rejected =
                    QuarantineEntry.of(STREAM, null, "", QuarantineStage.DECODE, "why: " + big, big, 0, t0);
            ApplyResult result = store.apply(new ApplyBatch(
                    STREAM,
                    List.of(Change.upsert(STREAM, "k1", 1, Map.of("notes", big, "n", 1), "test")),
                    List.of(rejected),
                    List.of(),
                    List.of(),
                    Map.of(),
                    List.of(new Marker("closed", "day", big, t0)),
                    checkpoint,
                    big,
                    true,
                    null));

            assertThat(store.read(STREAM, List.of("k1")).get("k1").fields())
                    .containsEntry("notes", big)
                    .containsEntry("n", 1);
            List<StoredRecord> scanned = new ArrayList<>();
            store.scan(STREAM, scanned::add);
            assertThat(scanned)
                    .singleElement()
                    .satisfies(r -> assertThat(r.fields()).containsEntry("notes", big));
            assertThat(store.baselines(STREAM, List.of("k1")).get("k1")).containsEntry("notes", big);
            assertThat(store.checkpoint(checkpoint)).contains(big);
            assertThat(store.quarantined(result.quarantineIds().get(0)))
                    .contains(rejected.withId(result.quarantineIds().get(0)));
            assertThat(store.marker("closed", "day")).map(Marker::value).contains(big);
        }
    }

    @Test
    void scanningAndReadingManyRecordsOnAPooledConnectionLeavesNoLargeObjectOnItsSession(@TempDir Path dir)
            throws Exception {
        int records = 20_000;
        try (HikariDataSource ds = pool(dir, "scan")) {
            JdbcSyncStore store = JdbcSyncStore.on(ds);
            assertThat(JdbcSchemaH2Test.rows(ds, JdbcSchemaH2Test.LARGE_OBJECTS))
                    .isEmpty();
            fill(store, records);

            long[] scanned = new long[1];
            store.scan(STREAM, r -> scanned[0] += ((String) r.fields().get("text")).length());
            assertThat(scanned[0]).isEqualTo(records * 1_000L);
            assertThat(store.read(STREAM, keys(0, 1_000))).hasSize(1_000);

            assertThat(H2Sessions.heldLargeObjects(ds, POOL)).isZero();
        }
    }

    /** The check above can fail: on a schema that still has large objects, each value a scan reads stays behind. */
    @Test
    void theProbeSeesTheCopiesThatALargeObjectColumnLeaves(@TempDir Path dir) throws Exception {
        int records = 1_000;
        try (HikariDataSource ds = pool(dir, "probe")) {
            Flyway.configure()
                    .dataSource(ds)
                    .table("sync_schema_history")
                    .locations("classpath:" + Migrations.LOCATION + "h2")
                    .placeholders(Map.of("prefix", "sync_"))
                    .target("2")
                    .load()
                    .migrate();
            JdbcSyncStore store = JdbcSyncStore.builder(ds).migrate(false).build();
            fill(store, records);

            store.scan(STREAM, r -> {});
            assertThat(H2Sessions.heldLargeObjects(ds, POOL)).isEqualTo(records);
        }
    }

    /** Records of about 1 KB of text each, in pages of 1,000. */
    private static void fill(JdbcSyncStore store, int records) {
        for (int from = 0; from < records; from += 1_000) {
            List<Change> page = new ArrayList<>();
            for (String key : keys(from, Math.min(records, from + 1_000))) {
                page.add(Change.upsert(
                        STREAM, key, 1, Map.of("text", (key + ' ').repeat(200).substring(0, 1_000)), "t"));
            }
            store.apply(ApplyBatch.of(STREAM, page));
        }
    }

    private static List<String> keys(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(String.format("k%06d", i));
        }
        return out;
    }
}
