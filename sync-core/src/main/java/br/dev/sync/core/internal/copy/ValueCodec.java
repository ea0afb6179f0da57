package br.dev.sync.core.internal.copy;

import br.dev.sync.core.copy.CopyException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Field values in a copy keep their Java type. Strings, booleans, ints and finite doubles are plain JSON; every
 * other type is written as text (or a number) with a tag in the row's {@code t} object, so that a Long stays a Long
 * and 10.50 stays a BigDecimal of scale 2.
 */
final class ValueCodec {
    private static final Map<String, Function<String, Object>> FROM_TEXT = Map.ofEntries(
            Map.entry("L", Long::valueOf),
            Map.entry("S", Short::valueOf),
            Map.entry("B", Byte::valueOf),
            Map.entry("F", Float::valueOf),
            Map.entry("D", Double::valueOf),
            Map.entry("BD", BigDecimal::new),
            Map.entry("BI", BigInteger::new),
            Map.entry("LD", LocalDate::parse),
            Map.entry("LDT", LocalDateTime::parse),
            Map.entry("LT", LocalTime::parse),
            Map.entry("I", Instant::parse),
            Map.entry("ODT", OffsetDateTime::parse),
            Map.entry("OT", OffsetTime::parse),
            Map.entry("ZDT", ZonedDateTime::parse),
            Map.entry("U", UUID::fromString),
            Map.entry("C", s -> s.charAt(0)),
            Map.entry("BY", s -> Base64.getDecoder().decode(s)));

    private ValueCodec() {}

    /** Writes the value; answers its tag, or null when plain JSON gives the type back. */
    static String write(JsonGenerator g, Object v, String where) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Double d && Double.isFinite(d)) {
            g.writeNumber(d);
        } else {
            String tag = tag(v, where);
            g.writeString(v instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : v.toString());
            return tag;
        }
        return null;
    }

    private static String tag(Object v, String where) {
        for (var e : TAGS.entrySet()) {
            if (e.getKey().isInstance(v)) {
                return e.getValue();
            }
        }
        throw new CopyException(
                "the value of " + where + " is a " + v.getClass().getName()
                        + ", which a copy cannot carry; give the stream's fields as String, number, boolean, byte[],"
                        + " UUID or java.time values");
    }

    private static final Map<Class<?>, String> TAGS = Map.ofEntries(
            Map.entry(Long.class, "L"),
            Map.entry(Short.class, "S"),
            Map.entry(Byte.class, "B"),
            Map.entry(Float.class, "F"),
            Map.entry(Double.class, "D"),
            Map.entry(BigDecimal.class, "BD"),
            Map.entry(BigInteger.class, "BI"),
            Map.entry(LocalDate.class, "LD"),
            Map.entry(LocalDateTime.class, "LDT"),
            Map.entry(LocalTime.class, "LT"),
            Map.entry(Instant.class, "I"),
            Map.entry(OffsetDateTime.class, "ODT"),
            Map.entry(OffsetTime.class, "OT"),
            Map.entry(ZonedDateTime.class, "ZDT"),
            Map.entry(UUID.class, "U"),
            Map.entry(Character.class, "C"),
            Map.entry(byte[].class, "BY"));

    /** Reads a value back with its tag (null: plain JSON). */
    static Object read(JsonNode node, String tag) {
        if (tag == null) {
            if (node.isNull()) {
                return null;
            }
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isInt()) {
                return node.intValue();
            }
            if (node.isDouble() || node.isFloat()) {
                return node.doubleValue();
            }
            throw new IllegalArgumentException("an untagged value must be text, boolean, int or double: " + node);
        }
        Function<String, Object> parse = FROM_TEXT.get(tag);
        if (parse == null) {
            throw new IllegalArgumentException("unknown value tag '" + tag + "'");
        }
        return parse.apply(node.asText());
    }
}
