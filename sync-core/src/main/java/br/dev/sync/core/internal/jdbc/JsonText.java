package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.Change;
import br.dev.sync.core.StoreException;
import br.dev.sync.core.internal.json.Json;
import br.dev.sync.core.internal.json.JsonStrings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON text in the SDK's tables: record fields (generic table, baselines) and outbox changes. Decimals are read
 * back as {@link java.math.BigDecimal} and integers as Integer/Long/BigInteger; java.time values come back as
 * their ISO text.
 */
public final class JsonText {
    private static final ObjectReader FIELDS = Json.mapper()
            .readerFor(new TypeReference<LinkedHashMap<String, Object>>() {})
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectReader CHANGE =
            Json.mapper().readerFor(Change.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonText() {}

    public static String write(Object value, String what) {
        try {
            return JsonStrings.write(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write " + what + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, Object> fields(String json, String what) {
        try {
            Map<String, Object> m = FIELDS.readValue(json);
            return m == null ? Map.of() : m;
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read the stored fields of " + what + ": " + e.getOriginalMessage(), e);
        }
    }

    public static Change change(String json, String what) {
        try {
            return CHANGE.readValue(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read the stored change of " + what + ": " + e.getOriginalMessage(), e);
        }
    }
}
