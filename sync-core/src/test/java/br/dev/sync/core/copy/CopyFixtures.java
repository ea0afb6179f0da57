package br.dev.sync.core.copy;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.StoredRecord;
import br.dev.sync.core.spi.SyncStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/** Rows, stores and file peeking shared by the copy tests. */
final class CopyFixtures {
    static final String SOURCE = "store-12";
    static final String TARGET = "store-13";

    private CopyFixtures() {}

    static String key(int i) {
        return String.format("P%06d", i);
    }

    /** A product row with a field of each common type. */
    static Map<String, Object> product(int i, int edition) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("code", key(i));
        f.put("name", "product " + i + (edition > 1 ? " ed." + edition : ""));
        f.put("price", new BigDecimal(i % 1000 + ".50"));
        f.put("qty", i % 97);
        f.put("stock", 10_000_000_000L + i);
        f.put("weight", i / 8.0);
        f.put("active", i % 3 != 0);
        f.put("launched", LocalDate.of(2020, 1, 1).plusDays(i % 2000));
        f.put("note", i % 5 == 0 ? null : "\"quoted\"\nline " + i);
        return f;
    }

    static void fill(SyncStore store, String stream, int from, int to, long version, int edition) {
        List<Change> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            batch.add(Change.upsert(stream, key(i), version + i, product(i, edition), SOURCE));
            if (batch.size() == 1000) {
                store.apply(ApplyBatch.of(stream, batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.apply(ApplyBatch.of(stream, batch));
        }
    }

    static void checkpoint(SyncStore store, String node, String stream, String partition, String cursor) {
        store.apply(ApplyBatch.of(stream, List.of(), new CheckpointId(node, stream, partition, ""), cursor));
    }

    static List<StoredRecord> rows(SyncStore store, String stream) {
        List<StoredRecord> out = new ArrayList<>();
        store.scan(stream, out::add);
        return out;
    }

    /** The data lines of a stream in a copy file, as JSON. */
    static List<JsonNode> dataLines(Path file, String stream) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile());
                BufferedReader r = new BufferedReader(new InputStreamReader(
                        zip.getInputStream(zip.getEntry("streams/" + stream + "/data.jsonl")),
                        StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(json.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
