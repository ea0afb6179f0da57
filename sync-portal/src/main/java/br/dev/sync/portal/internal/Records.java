package br.dev.sync.portal.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a stored record's fields back into its record type, whatever store kept them: values may be java.time
 * objects or their text, nested records and lists come back as JSON text, and a timestamp column read back as a
 * local date-time is taken in the JVM's zone, the zone it was written in.
 */
public final class Records {
    private Records() {}

    public static <T> T read(Map<String, Object> fields, Class<T> type) {
        Map<String, Object> values = new LinkedHashMap<>(fields);
        for (RecordComponent c : type.getRecordComponents()) {
            Object v = values.get(c.getName());
            if (v instanceof LocalDateTime t) {
                values.put(c.getName(), t.atZone(ZoneId.systemDefault()).toInstant());
            } else if (v instanceof String text && nested(c.getType())) {
                values.put(c.getName(), tree(text, c.getName()));
            }
        }
        return WireForms.JSON.convertValue(values, type);
    }

    private static boolean nested(Class<?> type) {
        return type.isRecord() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
    }

    private static Object tree(String text, String field) {
        try {
            return WireForms.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored field '" + field + "' is not JSON text", e);
        }
    }
}
