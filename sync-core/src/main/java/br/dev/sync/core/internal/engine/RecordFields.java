package br.dev.sync.core.internal.engine;

import br.dev.sync.core.RecordRejectedException;
import br.dev.sync.core.internal.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a record into store fields: each component by name, scalars as they are, enums by name, nested records,
 * lists and maps as JSON text. Non-record types go through Jackson.
 */
public final class RecordFields {
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent c : components) {
                c.getAccessor().setAccessible(true);
            }
            return components;
        }
    };

    private RecordFields() {}

    public static Map<String, Object> of(Object record) {
        if (!record.getClass().isRecord()) {
            return Json.mapper().convertValue(record, new TypeReference<LinkedHashMap<String, Object>>() {});
        }
        RecordComponent[] components = COMPONENTS.get(record.getClass());
        Map<String, Object> fields = new LinkedHashMap<>(components.length * 2);
        for (RecordComponent c : components) {
            fields.put(c.getName(), scalar(read(c, record)));
        }
        return fields;
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new RecordRejectedException(
                    "cannot read field '" + c.getName() + "' of "
                            + record.getClass().getSimpleName(),
                    e);
        }
    }

    static Object scalar(Object value) {
        if (value == null
                || value instanceof CharSequence
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Temporal
                || value instanceof UUID) {
            return value instanceof CharSequence cs ? cs.toString() : value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Character ch) {
            return ch.toString();
        }
        if (value.getClass().isRecord()
                || value instanceof Collection<?>
                || value instanceof Map<?, ?>
                || value.getClass().isArray()) {
            try {
                return Json.mapper().writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new RecordRejectedException(
                        "cannot write nested value of type " + value.getClass().getSimpleName(), e);
            }
        }
        return value.toString();
    }
}
