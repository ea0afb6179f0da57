package br.dev.sync.portal.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One resource's records on the sandbox, by key and in list order (update time, then key), with what lists filter
 * on. Thread-safe (locked).
 */
final class Table {
    /**
     * A stored record: its key, update time, the date a window filters on, its outpost, its JSON, and that JSON as
     * text, written once when it is stored and sent as it is in every page. A stored record never changes: a change
     * is a new row made from a copy of the JSON.
     */
    record Row(String key, LocalDateTime updatedAt, LocalDate date, String outpost, ObjectNode json, String text) {
        /** Where the rows after {@code key} at {@code updatedAt} start, in list order. */
        static Row position(String key, LocalDateTime updatedAt) {
            return new Row(key, updatedAt, null, null, null, null);
        }

        boolean in(LocalDate from, LocalDate to, String ofOutpost) {
            boolean inWindow = from == null || date == null || (!date.isBefore(from) && !date.isAfter(to));
            return inWindow && (ofOutpost == null || ofOutpost.equals(outpost));
        }
    }

    /** What a list filters on: a window (when the resource is dated) and an outpost, each of them optional. */
    private record Filter(LocalDate from, LocalDate to, String outpost) {}

    static final Comparator<Row> ORDER = Comparator.comparing(Row::updatedAt).thenComparing(Row::key);

    final String path;
    final String keyField;
    final String dateField;
    private final Map<String, Row> rows = new HashMap<>();
    private final TreeSet<Row> ordered = new TreeSet<>(ORDER);
    /** Counts already made, by window and outpost; emptied by every change of the rows. */
    private final Map<Filter, Integer> counts = new HashMap<>();

    Table(String path, String keyField, String dateField) {
        this.path = path;
        this.keyField = keyField;
        this.dateField = dateField;
    }

    /** Stores {@code json}, which the table owns from now on: nothing may change it afterwards. */
    synchronized Row put(ObjectNode json) {
        String key = keyOf(json);
        JsonNode date = dateField == null ? null : json.get(dateField);
        JsonNode outpost = json.get("posto");
        Row row = new Row(
                key,
                LocalDateTime.parse(json.get("atualizadoEm").asText()),
                date == null || date.isNull() ? null : LocalDate.parse(date.asText()),
                outpost == null ? null : outpost.asText(),
                json,
                json.toString());
        Row old = rows.put(key, row);
        if (old != null) {
            ordered.remove(old);
        }
        ordered.add(row);
        counts.clear();
        return row;
    }

    String keyOf(JsonNode json) {
        if ("vendas-remotas".equals(path)) {
            return json.path("posto").asText() + "/" + json.path("idVenda").asText();
        }
        return json.path(keyField).asText();
    }

    synchronized Row get(String key) {
        return rows.get(key);
    }

    synchronized int size() {
        return rows.size();
    }

    synchronized List<Row> all() {
        return new ArrayList<>(ordered);
    }

    /** Rows in the window (when the resource is dated) and of the outpost (when given), in list order. */
    synchronized List<Row> select(LocalDate from, LocalDate to, String outpost) {
        List<Row> list = new ArrayList<>();
        for (Row r : ordered) {
            if (r.in(from, to, outpost)) {
                list.add(r);
            }
        }
        return list;
    }

    /**
     * How many rows the window and outpost hold. Each page of a list answers it, so it is counted once per window
     * and outpost until the rows change, not once per page.
     */
    synchronized int count(LocalDate from, LocalDate to, String outpost) {
        return counts.computeIfAbsent(new Filter(from, to, outpost), f -> countNow(from, to, outpost));
    }

    private int countNow(LocalDate from, LocalDate to, String outpost) {
        int n = 0;
        for (Row r : rows.values()) {
            if (r.in(from, to, outpost)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Up to {@code limit + 1} rows of the window and outpost after the cursor, in list order: updated after
     * {@code since}, or at {@code since} with a key after {@code afterId} (any key when it is null).
     */
    synchronized List<Row> page(
            LocalDate from, LocalDate to, String outpost, LocalDateTime since, String afterId, int limit) {
        Iterable<Row> tail = since == null
                ? ordered
                : ordered.tailSet(Row.position(afterId == null ? "" : afterId, since), afterId == null);
        List<Row> page = new ArrayList<>(limit + 1);
        for (Row r : tail) {
            if (r.in(from, to, outpost)) {
                page.add(r);
                if (page.size() > limit) {
                    break;
                }
            }
        }
        return page;
    }
}
