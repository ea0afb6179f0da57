package br.dev.sync.core.internal.copy;

import br.dev.sync.core.Change;
import br.dev.sync.core.internal.json.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of a copy's entries, one JSON value a line. Data entry: {@code {"k":key,"v":version,"f":{fields},
 * "t":{tags}}} for a row, {@code {"k":key,"v":version,"d":true}} for a delete. Keys entry: {@code [key, version]}.
 */
final class RowLines {
    /** A key the source held when copied, at its version. */
    record Key(String key, long version) {}

    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(512);

    /** The bytes of a row line, newline included; valid until the next call. */
    ByteArrayOutputStream row(String stream, String key, long version, Map<String, Object> fields) {
        buf.reset();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(buf)) {
            g.writeStartObject();
            g.writeStringField("k", key);
            g.writeNumberField("v", version);
            g.writeObjectFieldStart("f");
            List<String[]> tags = new ArrayList<>();
            for (var e : fields.entrySet()) {
                g.writeFieldName(e.getKey());
                String tag =
                        ValueCodec.write(g, e.getValue(), "field '" + e.getKey() + "' of " + stream + " key " + key);
                if (tag != null) {
                    tags.add(new String[] {e.getKey(), tag});
                }
            }
            g.writeEndObject();
            if (!tags.isEmpty()) {
                g.writeObjectFieldStart("t");
                for (String[] t : tags) {
                    g.writeStringField(t[0], t[1]);
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buf.write('\n');
        return buf;
    }

    ByteArrayOutputStream delete(String key, long version) {
        buf.reset();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(buf)) {
            g.writeStartObject();
            g.writeStringField("k", key);
            g.writeNumberField("v", version);
            g.writeBooleanField("d", true);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buf.write('\n');
        return buf;
    }

    ByteArrayOutputStream key(String key, long version) {
        buf.reset();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(buf)) {
            g.writeStartArray();
            g.writeString(key);
            g.writeNumber(version);
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buf.write('\n');
        return buf;
    }

    /** A data line as the change to apply; throws IllegalArgumentException when the line is not one. */
    static Change change(String stream, String line, String origin) throws IOException {
        JsonNode n = Json.mapper().readTree(line);
        if (n == null
                || !n.isObject()
                || !n.path("k").isTextual()
                || !n.path("v").isIntegralNumber()) {
            throw new IllegalArgumentException("not a row or delete line");
        }
        String key = n.get("k").textValue();
        long version = n.get("v").longValue();
        if (n.path("d").asBoolean(false)) {
            return Change.delete(stream, key, version, origin);
        }
        JsonNode f = n.path("f");
        if (!f.isObject()) {
            throw new IllegalArgumentException("row line without fields");
        }
        JsonNode t = n.path("t");
        Map<String, Object> fields = new LinkedHashMap<>();
        var names = f.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode tag = t.get(name);
            fields.put(name, ValueCodec.read(f.get(name), tag == null ? null : tag.asText()));
        }
        return Change.upsert(stream, key, version, fields, origin);
    }

    static Key key(String line) throws IOException {
        JsonNode n = Json.mapper().readTree(line);
        if (n == null
                || !n.isArray()
                || n.size() != 2
                || !n.get(0).isTextual()
                || !n.get(1).isIntegralNumber()) {
            throw new IllegalArgumentException("not a key line");
        }
        return new Key(n.get(0).textValue(), n.get(1).longValue());
    }
}
