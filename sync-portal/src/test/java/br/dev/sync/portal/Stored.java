package br.dev.sync.portal;

import br.dev.sync.core.SyncStream;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.portal.internal.Records;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Store contents and sandbox contents as domain records by key, so any store can be compared with the sandbox. */
final class Stored {
    private Stored() {}

    /** What the store holds for a stream, read back into records. */
    static <T> Map<String, T> in(SyncStore store, SyncStream<T> stream) {
        Map<String, T> out = new TreeMap<>();
        store.scan(stream.name(), r -> out.put(r.key(), Records.read(r.fields(), stream.type())));
        return out;
    }

    /** What the store should hold after syncing these raw records of the sandbox. */
    static <T> Map<String, T> expected(SyncStream<T> stream, List<String> raws) {
        Map<String, T> out = new TreeMap<>();
        for (String raw : raws) {
            try {
                T record = stream.decode(raw);
                out.put(stream.keyOf(record), record);
            } catch (Exception e) {
                throw new AssertionError("the sandbox holds a record the stream cannot read: " + raw, e);
            }
        }
        return out;
    }

    /** The first difference, for a short failure message; "" when equal. */
    static <T> String diff(Map<String, T> expected, Map<String, T> actual) {
        for (var e : expected.entrySet()) {
            T a = actual.get(e.getKey());
            if (a == null) {
                return "missing " + e.getKey() + " (expected " + expected.size() + ", got " + actual.size() + ")";
            }
            if (!a.equals(e.getValue())) {
                return e.getKey() + ": expected " + e.getValue() + " but was " + a;
            }
        }
        return actual.keySet().stream()
                .filter(k -> !expected.containsKey(k))
                .findFirst()
                .map(k -> "unexpected " + k)
                .orElse("");
    }
}
