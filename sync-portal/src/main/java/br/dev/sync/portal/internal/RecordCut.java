package br.dev.sync.portal.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.List;

/**
 * Cuts the records of a JSON array out of a page's text, each as the characters from its first to its last, and
 * checks the array's syntax on the way as Jackson's parser with its default features does: strict JSON strings,
 * escapes, numbers and literals, and the parser's limits on nesting and on name and number lengths. A page it
 * refuses, Jackson refuses too, and the other way round ({@code RecordCutTest} holds the two to each other).
 *
 * <p>It reads each character once and builds no token: Jackson, walking the same records to find their ends, looked
 * up every field name in its symbol table, which cost as much client CPU as decoding the records afterwards.
 * Not thread-safe; one instance cuts one array.
 */
final class RecordCut {
    private final JsonParser parser;
    private final StreamReadConstraints limits;
    private final char[] text;
    private final int end;
    private int at;

    private RecordCut(JsonParser parser, char[] text, int end) {
        this.parser = parser;
        this.limits = parser.streamReadConstraints();
        this.text = text;
        this.end = end;
    }

    /**
     * Whether the cut reads as {@code parser} would: not when the parser was set to accept more than strict JSON
     * (comments, single quotes, trailing commas and the like), to detect duplicate names, or to count its tokens.
     */
    static boolean readsAs(JsonParser parser) {
        for (JsonReadFeature f : JsonReadFeature.values()) {
            if (f.mappedFeature() != null && parser.isEnabled(f.mappedFeature())) {
                return false;
            }
        }
        return !parser.isEnabled(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                && !parser.streamReadConstraints().hasMaxTokenCount();
    }

    /**
     * Adds to {@code records} each element of the array whose {@code [} is at {@code open} in {@code text} (a JSON
     * {@code null} as null); answers the index of the array's {@code ]}. {@code depth} is the array's nesting depth
     * as the parser counts it. Throws {@link JsonParseException} at the first character that is not JSON.
     */
    static int records(JsonParser parser, char[] text, int open, int end, int depth, List<String> records)
            throws IOException {
        RecordCut cut = new RecordCut(parser, text, end);
        cut.at = open + 1;
        cut.space();
        if (cut.peek() == ']') {
            return cut.at;
        }
        while (true) {
            int start = cut.at;
            cut.value(depth);
            int length = cut.at - start;
            records.add(length == 4 && text[start] == 'n' ? null : new String(text, start, length));
            cut.space();
            char c = cut.peek();
            if (c == ']') {
                return cut.at;
            }
            cut.expect(c == ',', "',' or ']' after a record");
            cut.at++;
            cut.space();
        }
    }

    private void value(int depth) throws IOException {
        char c = peek();
        switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string(false);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                expect(c == '-' || (c >= '0' && c <= '9'), "a value");
                number();
            }
        }
    }

    private void object(int depth) throws IOException {
        limits.validateNestingDepth(depth);
        at++;
        space();
        if (peek() == '}') {
            at++;
            return;
        }
        while (true) {
            expect(peek() == '"', "a field name in double quotes");
            int start = at;
            string(true);
            limits.validateNameLength(at - start - 2);
            space();
            expect(peek() == ':', "':' after a field name");
            at++;
            space();
            value(depth);
            space();
            char c = peek();
            if (c == '}') {
                at++;
                return;
            }
            expect(c == ',', "',' or '}' in an object");
            at++;
            space();
        }
    }

    private void array(int depth) throws IOException {
        limits.validateNestingDepth(depth);
        at++;
        space();
        if (peek() == ']') {
            at++;
            return;
        }
        while (true) {
            value(depth);
            space();
            char c = peek();
            if (c == ']') {
                at++;
                return;
            }
            expect(c == ',', "',' or ']' in an array");
            at++;
            space();
        }
    }

    /**
     * From the opening quote to just after the closing one. In a field name, as Jackson's parser decodes it, an
     * escaped surrogate must be half of an escaped pair.
     */
    private void string(boolean name) throws IOException {
        int i = at + 1;
        while (true) {
            if (i >= end) {
                at = i;
                throw ended("a string");
            }
            char c = text[i];
            if (c == '"') {
                at = i + 1;
                return;
            }
            if (c == '\\') {
                at = i;
                i = escape(i + 1, name);
            } else if (c < ' ') {
                at = i;
                throw refused("control character " + (int) c + " inside a string (it must be escaped)");
            } else {
                i++;
            }
        }
    }

    /** Checks the escape whose letter is at {@code i}; answers the index after it. */
    private int escape(int i, boolean name) throws IOException {
        if (i >= end) {
            at = i;
            throw ended("an escape");
        }
        switch (text[i]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return i + 1;
            case 'u':
                int unit = unit(i + 1);
                if (name && Character.isLowSurrogate((char) unit)) {
                    at = i;
                    throw refused("an escaped low surrogate without a high one before it in a field name");
                }
                if (name && Character.isHighSurrogate((char) unit)) {
                    if (i + 6 >= end || text[i + 5] != '\\' || text[i + 6] != 'u') {
                        at = i + 5;
                        throw refused("an escaped high surrogate not followed by an escaped low one in a field name");
                    }
                    if (!Character.isLowSurrogate((char) unit(i + 7))) {
                        at = i + 6;
                        throw refused("an escaped high surrogate not followed by an escaped low one in a field name");
                    }
                    return i + 11;
                }
                return i + 5;
            default:
                at = i;
                throw refused("'\\" + text[i] + "' is not a JSON escape");
        }
    }

    /** The UTF-16 unit written as the four hexadecimal digits from {@code from}. */
    private int unit(int from) throws IOException {
        int unit = 0;
        for (int k = 0; k < 4; k++) {
            if (from + k >= end) {
                at = from + k;
                throw ended("a \\u escape");
            }
            char c = text[from + k];
            if (!hex(c)) {
                at = from + k;
                throw refused("a \\u escape needs four hexadecimal digits");
            }
            unit = unit * 16 + Character.digit(c, 16);
        }
        return unit;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private void number() throws IOException {
        if (text[at] == '-') {
            at++;
        }
        int intStart = at;
        expect(digit(), "a digit");
        if (text[at] == '0') {
            at++;
            expect(!digit(), "no leading zero in a number");
        } else {
            digits();
        }
        int intLength = at - intStart;
        int fractLength = 0;
        int expLength = 0;
        boolean floating = false;
        if (at < end && text[at] == '.') {
            floating = true;
            at++;
            int s = at;
            expect(digit(), "a digit after a decimal point");
            digits();
            fractLength = at - s;
        }
        if (at < end && (text[at] == 'e' || text[at] == 'E')) {
            floating = true;
            at++;
            if (at < end && (text[at] == '+' || text[at] == '-')) {
                at++;
            }
            int s = at;
            expect(digit(), "a digit in an exponent");
            digits();
            expLength = at - s;
        }
        if (floating) {
            limits.validateFPLength(intLength + fractLength + expLength);
        } else {
            limits.validateIntegerLength(intLength);
        }
    }

    private boolean digit() {
        return at < end && text[at] >= '0' && text[at] <= '9';
    }

    private void digits() {
        while (digit()) {
            at++;
        }
    }

    private void literal(String word) throws IOException {
        for (int k = 0; k < word.length(); k++) {
            if (at + k >= end) {
                at += k;
                throw ended("'" + word + "'");
            }
            if (text[at + k] != word.charAt(k)) {
                at += k;
                throw refused("unrecognized token; expected '" + word + "'");
            }
        }
        at += word.length();
    }

    /** Skips JSON's white space: space, tab, line feed, carriage return. */
    private void space() {
        at = space(text, at, end);
    }

    /** The index of the first character from {@code from} that is not JSON's white space, or {@code end}. */
    static int space(char[] text, int from, int end) {
        int i = from;
        while (i < end && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) {
            i++;
        }
        return i;
    }

    private char peek() throws IOException {
        if (at >= end) {
            throw ended("the rest of the records");
        }
        return text[at];
    }

    private void expect(boolean ok, String what) throws IOException {
        if (!ok) {
            throw at >= end ? ended(what) : refused("expected " + what + ", found '" + text[at] + "'");
        }
    }

    private JsonParseException ended(String what) {
        return new JsonParseException(
                parser, "the page ends at character " + at + " inside its records, before " + what);
    }

    private JsonParseException refused(String why) {
        return new JsonParseException(parser, "not JSON at character " + at + " of the page's records: " + why);
    }
}
