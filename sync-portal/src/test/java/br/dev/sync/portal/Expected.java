package br.dev.sync.portal;

import br.dev.sync.core.SyncStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a store should hold for a stream after syncing the sandbox's records: key to fields, via the stream. */
final class Expected {
    private Expected() {}

    /** The first difference between two snapshots, for a short failure message; "" when equal. */
    static String diff(Map<String, Map<String, Object>> expected, Map<String, Map<String, Object>> actual) {
        for (var e : expected.entrySet()) {
            Map<String, Object> a = actual.get(e.getKey());
            if (a == null) {
                return "missing " + e.getKey() + " (expected " + expected.size() + ", got " + actual.size() + ")";
            }
            for (var f : e.getValue().entrySet()) {
                Object v = a.get(f.getKey());
                if (!java.util.Objects.equals(v, f.getValue())) {
                    return e.getKey() + "." + f.getKey() + ": expected " + f.getValue() + " ("
                            + (f.getValue() == null
                                    ? ""
                                    : f.getValue().getClass().getSimpleName()) + ") got " + v
                            + " (" + (v == null ? "" : v.getClass().getSimpleName()) + ")";
                }
            }
        }
        for (String k : actual.keySet()) {
            if (!expected.containsKey(k)) {
                return "unexpected " + k;
            }
        }
        return "";
    }

    static <T> Map<String, Map<String, Object>> of(SyncStream<T> stream, List<String> raws) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (String raw : raws) {
            try {
                T record = stream.decode(raw);
                out.put(stream.keyOf(record), stream.fieldsOf(record));
            } catch (Exception e) {
                throw new AssertionError("the sandbox holds a record the stream cannot read: " + raw, e);
            }
        }
        return out;
    }
}
