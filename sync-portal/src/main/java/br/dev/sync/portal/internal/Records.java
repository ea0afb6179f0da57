package br.dev.sync.portal.internal;

import java.util.Map;

/** Reads a stored record's fields back into its record type (values may be java.time objects or their text). */
public final class Records {
    private Records() {}

    public static <T> T read(Map<String, Object> fields, Class<T> type) {
        return WireForms.JSON.convertValue(fields, type);
    }
}
