package br.dev.sync.core.copy;

import static br.dev.sync.core.copy.CopyFixtures.SOURCE;
import static br.dev.sync.core.copy.CopyFixtures.TARGET;
import static br.dev.sync.core.copy.CopyFixtures.checkpoint;
import static br.dev.sync.core.copy.CopyFixtures.dataLines;
import static br.dev.sync.core.copy.CopyFixtures.fill;
import static br.dev.sync.core.copy.CopyFixtures.key;
import static br.dev.sync.core.copy.CopyFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.Window;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.SyncStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every store must do with database copies: a 100,000-row round trip with identical rows and checkpoints, an
 * incremental copy with exactly the changes, and damaged files refused with nothing written. Subclasses give a new,
 * empty store on each call.
 */
abstract class DatabaseCopyContract {
    @TempDir
    Path dir;

    /** A new, empty store; each call gives another one (another database or table prefix). */
    abstract SyncStore newStore();

    /** How many rows the round trip copies. */
    int roundTripRows() {
        return 100_000;
    }

    @Test
    void aFullCopyRoundTripGivesIdenticalRowsAndCheckpoints() {
        SyncStore source = newStore();
        int n = roundTripRows();
        long tf = System.nanoTime();
        fill(source, "products", 0, n, 1, 1);
        System.out.printf("fill of %d rows: %d ms%n", n, (System.nanoTime() - tf) / 1_000_000);
        fill(source, "clients", 0, 500, 7, 1);
        source.apply(ApplyBatch.of("products", List.of(Change.delete("products", key(3), 999_999, SOURCE))));
        checkpoint(source, SOURCE, "products", "", "cursor-" + n);
        checkpoint(source, SOURCE, "clients", "0001", "2026-11-22T10:00:00");
        source.apply(ApplyBatch.of(
                "clients",
                List.of(),
                new CheckpointId(
                        SOURCE,
                        "clients",
                        "0002",
                        Window.day(LocalDate.of(2026, 11, 21)).key()),
                "page-9"));
        Path file = dir.resolve("store-12.synccopy");

        long t0 = System.nanoTime();
        CopyManifest m = DatabaseCopy.export(
                source,
                List.of("products", "clients"),
                file,
                CopyOptions.builder(SOURCE)
                        .checkpoint("clients", "0001", Window.SINCE_CHECKPOINT)
                        .checkpoint("clients", "0002", Window.day(LocalDate.of(2026, 11, 21)))
                        .checkpoint("clients", "0003", Window.SINCE_CHECKPOINT)
                        .build());
        long t1 = System.nanoTime();
        SyncStore target = newStore();
        ImportResult imported = DatabaseCopy.importInto(target, file, TARGET);
        long t2 = System.nanoTime();
        report("round trip of " + n + " rows", t0, t1, t2, file);

        assertThat(m.incremental()).isFalse();
        assertThat(m.stream("products").orElseThrow())
                .satisfies(s -> assertThat(s.rows()).isEqualTo(n - 1))
                .satisfies(s -> assertThat(s.deletes()).isZero())
                .satisfies(s -> assertThat(s.checkpoints())
                        .containsExactly(new CopyManifest.Checkpoint("", "", "cursor-" + n)));
        assertThat(m.stream("clients").orElseThrow().checkpoints())
                .containsExactly(
                        new CopyManifest.Checkpoint("0001", "", "2026-11-22T10:00:00"),
                        new CopyManifest.Checkpoint("0002", "2026-11-21..2026-11-21", "page-9"));
        assertThat(imported.rows()).isEqualTo(n - 1 + 500);
        assertThat(imported.checkpoints()).isEqualTo(3);
        assertThat(rows(target, "products")).isEqualTo(rows(source, "products"));
        assertThat(rows(target, "clients")).isEqualTo(rows(source, "clients"));
        assertThat(target.checkpoint(new CheckpointId(TARGET, "products", "", "")))
                .contains("cursor-" + n);
        assertThat(target.checkpoint(new CheckpointId(TARGET, "clients", "0001", "")))
                .contains("2026-11-22T10:00:00");
        assertThat(target.checkpoint(new CheckpointId(TARGET, "clients", "0002", "2026-11-21..2026-11-21")))
                .contains("page-9");
        assertThat(dir.toFile().list()).containsExactly("store-12.synccopy");
    }

    @Test
    void anIncrementalCopyCarriesOnlyWhatChanged() {
        SyncStore source = newStore();
        fill(source, "products", 0, 1000, 1, 1);
        checkpoint(source, SOURCE, "products", "", "cursor-1000");
        Path full = dir.resolve("full.synccopy");
        DatabaseCopy.export(source, List.of("products"), full, CopyOptions.full(SOURCE));
        SyncStore target = newStore();
        DatabaseCopy.importInto(target, full, TARGET);

        fill(source, "products", 10, 13, 5_000, 2); // three rows changed
        fill(source, "products", 1000, 1002, 5_000, 1); // two rows added
        source.apply(ApplyBatch.of(
                "products",
                List.of(
                        Change.delete("products", key(20), 9_000, SOURCE),
                        Change.delete("products", key(21), 9_000, SOURCE))));
        checkpoint(source, SOURCE, "products", "", "cursor-1002");
        Path incremental = dir.resolve("incremental.synccopy");

        CopyManifest m = DatabaseCopy.export(
                source, List.of("products"), incremental, CopyOptions.incrementalSince(SOURCE, full));

        assertThat(m.since()).isEqualTo(DatabaseCopy.verify(full).copyId());
        assertThat(dataLines(incremental, "products"))
                .extracting(l -> l.get("k").asText() + (l.has("d") ? " deleted" : ""))
                .containsExactly(
                        key(10), key(11), key(12), key(1000), key(1001), key(20) + " deleted", key(21) + " deleted");
        assertThat(m.stream("products").orElseThrow().rows()).isEqualTo(5);
        assertThat(m.stream("products").orElseThrow().deletes()).isEqualTo(2);

        ImportResult r = DatabaseCopy.importInto(target, incremental, TARGET);
        assertThat(r.rows()).isEqualTo(5);
        assertThat(r.deletes()).isEqualTo(2);
        assertThat(rows(target, "products")).isEqualTo(rows(source, "products"));
        assertThat(target.checkpoint(new CheckpointId(TARGET, "products", "", "")))
                .contains("cursor-1002");

        Path nothing = dir.resolve("nothing.synccopy");
        CopyManifest none = DatabaseCopy.export(
                source, List.of("products"), nothing, CopyOptions.incrementalSince(SOURCE, incremental));
        assertThat(dataLines(nothing, "products")).isEmpty();
        assertThat(none.stream("products").orElseThrow().liveKeys()).isEqualTo(1000);
    }

    @Test
    void anIncrementalCopyIsRefusedByAStoreThatLacksTheCopyItContinues() {
        SyncStore source = newStore();
        fill(source, "products", 0, 10, 1, 1);
        Path full = dir.resolve("full.synccopy");
        DatabaseCopy.export(source, List.of("products"), full, CopyOptions.full(SOURCE));
        Path incremental = dir.resolve("incremental.synccopy");
        DatabaseCopy.export(source, List.of("products"), incremental, CopyOptions.incrementalSince(SOURCE, full));
        SyncStore target = newStore();

        assertThatThrownBy(() -> DatabaseCopy.importInto(target, incremental, TARGET))
                .isInstanceOf(CopyException.class)
                .hasMessageContaining(
                        "continues copy " + DatabaseCopy.verify(full).copyId()
                                + ", which was not imported into this store (absent); import the copies in order")
                .hasMessageEndingWith("nothing was imported");
        assertThat(rows(target, "products")).isEmpty();
    }

    @Test
    void aTruncatedFileIsRefusedAndNothingIsImported() throws IOException {
        SyncStore source = newStore();
        fill(source, "products", 0, 2000, 1, 1);
        checkpoint(source, SOURCE, "products", "", "cursor-2000");
        Path file = dir.resolve("copy.synccopy");
        DatabaseCopy.export(source, List.of("products"), file, CopyOptions.full(SOURCE));
        byte[] whole = Files.readAllBytes(file);

        for (int cut : new int[] {1, 22, 200, whole.length / 2}) {
            Path truncated = dir.resolve("cut-" + cut + ".synccopy");
            Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - cut));
            SyncStore target = newStore();

            assertThatThrownBy(() -> DatabaseCopy.importInto(target, truncated, TARGET))
                    .as("cut %d bytes", cut)
                    .isInstanceOf(CopyException.class)
                    .hasMessageContaining("copy file " + truncated + " is damaged or truncated")
                    .hasMessageContaining("make the copy again or fetch an intact file; nothing was imported");
            assertNothingImported(target);
        }
    }

    @Test
    void aFlippedByteIsRefusedAndNothingIsImported() throws IOException {
        SyncStore source = newStore();
        fill(source, "products", 0, 2000, 1, 1);
        Path file = dir.resolve("copy.synccopy");
        DatabaseCopy.export(source, List.of("products"), file, CopyOptions.full(SOURCE));
        byte[] whole = Files.readAllBytes(file);

        for (int at : new int[] {whole.length / 4, whole.length / 2}) {
            byte[] bad = whole.clone();
            bad[at] ^= 0x10;
            Path flipped = dir.resolve("flip-" + at + ".synccopy");
            Files.write(flipped, bad);
            SyncStore target = newStore();

            assertThatThrownBy(() -> DatabaseCopy.importInto(target, flipped, TARGET))
                    .as("byte %d flipped", at)
                    .isInstanceOf(CopyException.class)
                    .hasMessageContaining("is damaged or truncated");
            assertNothingImported(target);
        }
    }

    @Test
    void aFullCopyIsRefusedByAStoreThatAlreadyHoldsRows() {
        SyncStore source = newStore();
        fill(source, "products", 0, 10, 1, 1);
        Path file = dir.resolve("copy.synccopy");
        DatabaseCopy.export(source, List.of("products"), file, CopyOptions.full(SOURCE));
        SyncStore target = newStore();
        fill(target, "products", 500, 502, 1, 1);

        assertThatThrownBy(() -> DatabaseCopy.importInto(target, file, TARGET))
                .isInstanceOf(CopyException.class)
                .hasMessageContaining("the target store already holds 2 rows of stream products, and a full copy"
                        + " seeds an empty store only");
        assertThat(rows(target, "products")).hasSize(2);
    }

    void assertNothingImported(SyncStore target) {
        assertThat(rows(target, "products")).isEmpty();
        assertThat(target.checkpoint(new CheckpointId(TARGET, "products", "", "")))
                .isEqualTo(Optional.empty());
        assertThat(target.markers("database-copy")).isEmpty();
    }

    static void report(String what, long t0, long t1, long t2, Path file) {
        try {
            System.out.printf(
                    "%s: export %d ms, import %d ms, file %d KB%n",
                    what,
                    Duration.ofNanos(t1 - t0).toMillis(),
                    Duration.ofNanos(t2 - t1).toMillis(),
                    Files.size(file) / 1024);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
