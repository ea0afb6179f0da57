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

/** One resource's records on the sandbox, by key, with what lists filter and order on. Thread-safe (locked). */
final class Table {
    /** A stored record: its key, update time, the date a window filters on, its outpost, and its JSON. */
    record Row(String key, LocalDateTime updatedAt, LocalDate date, String outpost, ObjectNode json) {}

    static final Comparator<Row> ORDER = Comparator.comparing(Row::updatedAt).thenComparing(Row::key);

    final String path;
    final String keyField;
    final String dateField;
    private final Map<String, Row> rows = new HashMap<>();

    Table(String path, String keyField, String dateField) {
        this.path = path;
        this.keyField = keyField;
        this.dateField = dateField;
    }

    synchronized Row put(ObjectNode json) {
        String key = keyOf(json);
        JsonNode date = dateField == null ? null : json.get(dateField);
        JsonNode outpost = json.get("posto");
        Row row = new Row(
                key,
                LocalDateTime.parse(json.get("atualizadoEm").asText()),
                date == null || date.isNull() ? null : LocalDate.parse(date.asText()),
                outpost == null ? null : outpost.asText(),
                json);
        rows.put(key, row);
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
        List<Row> list = new ArrayList<>(rows.values());
        list.sort(ORDER);
        return list;
    }

    /** Rows in the window (when the resource is dated) and of the outpost (when given), in list order. */
    synchronized List<Row> select(LocalDate from, LocalDate to, String outpost) {
        List<Row> list = new ArrayList<>();
        for (Row r : rows.values()) {
            boolean inWindow = from == null
                    || r.date() == null
                    || (!r.date().isBefore(from) && !r.date().isAfter(to));
            boolean ofOutpost = outpost == null || outpost.equals(r.outpost());
            if (inWindow && ofOutpost) {
                list.add(r);
            }
        }
        list.sort(ORDER);
        return list;
    }
}
