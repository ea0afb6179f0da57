package br.dev.sync.core.internal.engine;

import br.dev.sync.core.RecordRejectedException;
import br.dev.sync.core.internal.json.Json;
import br.dev.sync.core.internal.json.JsonStrings;
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
    /** A record type's components, their accessors opened, and the names its field maps share. */
    private record Plan(RecordComponent[] components, FieldMap.Names names) {}

    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            for (int i = 0; i < components.length; i++) {
                components[i].getAccessor().setAccessible(true);
                names[i] = components[i].getName();
            }
            return new Plan(components, FieldMap.Names.of(names));
        }
    };

    private RecordFields() {}

    /**
     * The record's fields: for a Java record an immutable {@link FieldMap} in the order of its components, else
     * a map Jackson builds.
     */
    public static Map<String, Object> of(Object record) {
        if (!record.getClass().isRecord()) {
            return Json.mapper().convertValue(record, new TypeReference<LinkedHashMap<String, Object>>() {});
        }
        Plan plan = PLANS.get(record.getClass());
        RecordComponent[] components = plan.components();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = scalar(read(components[i], record));
        }
        return plan.names().own(values);
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
                return JsonStrings.write(value);
            } catch (JsonProcessingException e) {
                throw new RecordRejectedException(
                        "cannot write nested value of type " + value.getClass().getSimpleName(), e);
            }
        }
        return value.toString();
    }
}
