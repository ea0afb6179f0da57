package br.dev.sync.core.copy;

import static br.dev.sync.core.copy.CopyFixtures.SOURCE;
import static br.dev.sync.core.copy.CopyFixtures.TARGET;
import static br.dev.sync.core.copy.CopyFixtures.fill;
import static br.dev.sync.core.copy.CopyFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.Change;
import br.dev.sync.core.Plan;
import br.dev.sync.core.Step;
import br.dev.sync.core.StoreException;
import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.FakeRemote;
import br.dev.sync.core.testkit.Item;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The copy contract on the in-memory store, plus what only the file format decides. */
class InMemoryDatabaseCopyTest extends DatabaseCopyContract {
    @Override
    SyncStore newStore() {
        return new InMemorySyncStore();
    }

    @Test
    void fieldValuesKeepTheirJavaTypes() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("text", "olá, \"mundo\"\n");
        f.put("int", 7);
        f.put("long", 7L);
        f.put("short", (short) 7);
        f.put("double", 0.1);
        f.put("nan", Double.NaN);
        f.put("float", 1.5f);
        f.put("decimal", new BigDecimal("10.50"));
        f.put("big", new java.math.BigInteger("123456789012345678901234567890"));
        f.put("bool", true);
        f.put("none", null);
        f.put("date", java.time.LocalDate.of(2026, 11, 22));
        f.put("datetime", LocalDateTime.of(2026, 11, 22, 10, 30, 0, 123_000_000));
        f.put("time", LocalTime.of(7, 30));
        f.put("instant", Instant.parse("2026-11-22T10:30:00Z"));
        f.put("offset", OffsetDateTime.parse("2026-11-22T10:30:00-03:00"));
        f.put("uuid", UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
        SyncStore source = newStore();
        source.apply(ApplyBatch.of("types", List.of(Change.upsert("types", "k1", 3, f, SOURCE))));
        Path file = dir.resolve("types.synccopy");
        DatabaseCopy.export(source, List.of("types"), file, CopyOptions.full(SOURCE));
        SyncStore target = newStore();

        DatabaseCopy.importInto(target, file, TARGET);

        Map<String, Object> back = rows(target, "types").get(0).fields();
        assertThat(back).isEqualTo(f);
        back.forEach((name, value) -> assertThat(value == null ? null : value.getClass())
                .as(name)
                .isEqualTo(f.get(name) == null ? null : f.get(name).getClass()));
    }

    @Test
    void anIncrementalCopyCarriesAKnownRowWhoseVersionChangedBelowTheWatermark() {
        SyncStore source = newStore();
        fill(source, "products", 0, 100, 1, 1); // versions 1..100, watermark 100
        Path full = dir.resolve("full.synccopy");
        DatabaseCopy.export(source, List.of("products"), full, CopyOptions.full(SOURCE));
        source.apply(ApplyBatch.of(
                "products",
                List.of(Change.upsert("products", CopyFixtures.key(5), 7, CopyFixtures.product(5, 2), SOURCE))));
        Path incremental = dir.resolve("incremental.synccopy");

        DatabaseCopy.export(source, List.of("products"), incremental, CopyOptions.incrementalSince(SOURCE, full));

        assertThat(CopyFixtures.dataLines(incremental, "products"))
                .extracting(l -> l.get("k").asText() + " v" + l.get("v").asLong())
                .containsExactly(CopyFixtures.key(5) + " v7");
    }

    @Test
    void anIncrementalCopyMayReplaceTheCopyItContinues() {
        SyncStore source = newStore();
        fill(source, "products", 0, 10, 1, 1);
        Path file = dir.resolve("rolling.synccopy");
        CopyManifest first = DatabaseCopy.export(source, List.of("products"), file, CopyOptions.full(SOURCE));
        fill(source, "products", 10, 12, 100, 1);

        CopyManifest next =
                DatabaseCopy.export(source, List.of("products"), file, CopyOptions.incrementalSince(SOURCE, file));

        assertThat(next.since()).isEqualTo(first.copyId());
        assertThat(DatabaseCopy.verify(file)).isEqualTo(next);
        assertThat(next.stream("products").orElseThrow().rows()).isEqualTo(2);
        assertThat(dir.toFile().list()).containsExactly("rolling.synccopy");
    }

    @Test
    void theCheckpointsOfAPlansPullsAreCarried() {
        SyncStore source = newStore();
        fill(source, "products", 0, 3, 1, 1);
        var stream = Item.stream("products").build();
        var remote = new FakeRemote("erp-central");
        Plan receive = Plan.of("receive", Step.pull(stream, remote).partitions(List.of("0001", "0002")));
        CopyFixtures.checkpoint(source, SOURCE, "products", "0001", "c1");
        CopyFixtures.checkpoint(source, SOURCE, "products", "0002", "c2");
        CopyFixtures.checkpoint(source, SOURCE, "products", "0003", "not in the plan");
        Path file = dir.resolve("copy.synccopy");

        CopyManifest m = DatabaseCopy.export(
                source,
                List.of("products"),
                file,
                CopyOptions.builder(SOURCE).checkpointsOf(receive).build());

        assertThat(m.stream("products").orElseThrow().checkpoints())
                .containsExactly(
                        new CopyManifest.Checkpoint("0001", "", "c1"), new CopyManifest.Checkpoint("0002", "", "c2"));
    }

    @Test
    void aValueOfAnUnknownTypeFailsTheExportByName() {
        SyncStore source = newStore();
        source.apply(ApplyBatch.of(
                "odd", List.of(Change.upsert("odd", "k1", 1, Map.of("when", new java.util.Date(0)), SOURCE))));
        Path file = dir.resolve("odd.synccopy");

        assertThatThrownBy(() -> DatabaseCopy.export(source, List.of("odd"), file, CopyOptions.full(SOURCE)))
                .isInstanceOf(CopyException.class)
                .hasMessageContaining(
                        "the value of field 'when' of odd key k1 is a java.util.Date, which a copy" + " cannot carry");
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("odd.synccopy.part")).doesNotExist();
    }

    @Test
    void aRewrittenEntryWithAWrongChecksumIsRefused() throws IOException {
        SyncStore source = newStore();
        fill(source, "products", 0, 50, 1, 1);
        Path file = dir.resolve("copy.synccopy");
        DatabaseCopy.export(source, List.of("products"), file, CopyOptions.full(SOURCE));
        Path tampered = dir.resolve("tampered.synccopy");
        rewrite(file, tampered, "streams/products/data.jsonl", text -> text.replace("product 7\"", "product 8\""));

        assertThatThrownBy(() -> DatabaseCopy.verify(tampered))
                .isInstanceOf(CopyException.class)
                .hasMessageContaining("the data checksum of stream products is ")
                .hasMessageContaining("but the manifest says "
                        + DatabaseCopy.verify(file).stream("products")
                                .orElseThrow()
                                .dataSha256());
    }

    @Test
    void aManifestWithoutChecksumsIsRefused() throws IOException {
        SyncStore source = newStore();
        fill(source, "products", 0, 5, 1, 1);
        Path file = dir.resolve("copy.synccopy");
        DatabaseCopy.export(source, List.of("products"), file, CopyOptions.full(SOURCE));
        Path stripped = dir.resolve("stripped.synccopy");
        rewrite(file, stripped, "manifest.json", text -> text.replaceAll("\"dataSha256\" : \"[0-9a-f]+\",", ""));

        assertThatThrownBy(() -> DatabaseCopy.importInto(newStore(), stripped, TARGET))
                .isInstanceOf(CopyException.class)
                .hasMessageContaining("the data checksum of stream products is ")
                .hasMessageContaining("but the manifest says null");
    }

    @Test
    void anImportCutShortByTheStoreCanBeRunAgain() {
        SyncStore source = newStore();
        fill(source, "products", 0, 5000, 1, 1);
        Path file = dir.resolve("copy.synccopy");
        DatabaseCopy.export(source, List.of("products"), file, CopyOptions.full(SOURCE));
        InMemorySyncStore target = new InMemorySyncStore();
        SyncStore failing = failingOnApply(target, 3);

        assertThatThrownBy(() -> DatabaseCopy.importInto(failing, file, TARGET))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("disk full");
        assertThat(rows(target, "products")).hasSize(2000);

        ImportResult again = DatabaseCopy.importInto(target, file, TARGET);
        assertThat(again.rows()).isEqualTo(5000);
        assertThat(rows(target, "products")).isEqualTo(rows(source, "products"));
        assertThat(target.marker("database-copy", again.manifest().copyId()))
                .hasValueSatisfying(m -> assertThat(m.value()).isEqualTo("done"));
    }

    @Test
    void aFileThatIsNotACopyIsRefused() throws IOException {
        Path notACopy = dir.resolve("notes.txt");
        Files.writeString(notACopy, "hello");
        assertThatThrownBy(() -> DatabaseCopy.importInto(newStore(), notACopy, TARGET))
                .isInstanceOf(CopyException.class)
                .hasMessageStartingWith(
                        "copy file " + notACopy + " is damaged or truncated: it is not a complete" + " copy file");
    }

    /** Fails the {@code n}th apply with a store error, as a full disk would. */
    static SyncStore failingOnApply(SyncStore store, int n) {
        AtomicInteger applies = new AtomicInteger();
        return (SyncStore) Proxy.newProxyInstance(
                SyncStore.class.getClassLoader(), new Class<?>[] {SyncStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("apply") && applies.incrementAndGet() == n) {
                        throw new StoreException("apply of products failed: disk full");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static void rewrite(Path from, Path to, String entryName, java.util.function.UnaryOperator<String> change)
            throws IOException {
        try (ZipFile in = new ZipFile(from.toFile());
                OutputStream file = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(entryName)) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
