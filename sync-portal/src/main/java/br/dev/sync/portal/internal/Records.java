package br.dev.sync.portal.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a stored record's fields back into its record type. Values may be java.time objects or their text; a
 * timestamp column read back as a local date-time is taken in the JVM's zone, the zone it was written in.
 */
public final class Records {
    private Records() {}

    public static <T> T read(Map<String, Object> fields, Class<T> type) {
        Map<String, Object> values = new LinkedHashMap<>(fields);
        values.replaceAll((k, v) ->
                v instanceof LocalDateTime t ? t.atZone(ZoneId.systemDefault()).toInstant() : v);
        return WireForms.JSON.convertValue(values, type);
    }
}
