package br.dev.sync.portal.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads a page of a list keeping each record as its exact JSON text, cut out of the body as it was sent: numbers
 * as sent (300.00 stays 300.00), string escapes as sent (an escaped ç stays escaped), so the engine decodes and,
 * when it must, quarantines each record as the portal sent it.
 *
 * <p>When the page is the whole answer being read (as the HTTP client decodes it), the rest of the body is taken
 * from the parser's input at once and the records are cut out of that text by their offsets, without writing any
 * of them again. A page met anywhere else (inside other JSON, or from a source that cannot give its text back) is
 * written out again first, which keeps numbers as sent but not string escapes.
 */
public final class RawPage extends StdDeserializer<Wire.Lista> {
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_KEPT = 4 * 1024 * 1024;
    /** At most this many arrays are kept between pages: one per page being read at once. */
    private static final int KEPT_ARRAYS = 4;

    private static final Queue<char[]> KEPT = new ConcurrentLinkedQueue<>();
    private static final JsonFactory PLAIN = new JsonFactory();

    public RawPage() {
        super(Wire.Lista.class);
    }

    @Override
    public Wire.Lista deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            return (Wire.Lista) context.handleUnexpectedToken(Wire.Lista.class, parser);
        }
        Text body = wholeInput(parser, context);
        if (body == null) {
            body = written(parser);
        }
        try (JsonParser p = factory(parser).createParser(body.chars(), 0, body.length())) {
            p.nextToken();
            return page(p, context, body.chars(), body.length());
        } finally {
            body.giveBack();
        }
    }

    /** Characters, of which the first {@code length} hold a page; {@code kept} when the array goes back. */
    private record Text(char[] chars, int length, boolean kept) {
        /** Hands a kept array back for the next page (its records are copied out of it by now). */
        void giveBack() {
            if (kept && chars.length <= MAX_KEPT && KEPT.size() < KEPT_ARRAYS) {
                KEPT.offer(chars);
            }
        }
    }

    /**
     * Reads the page {@code first} is on (its opening brace read), over the first {@code length} characters of
     * {@code text}. The records are cut by {@link RecordCut} when it reads as the parser does; the parser then goes
     * on from a copy of what follows the array, which starts with a brace of its own in place of the array's end.
     */
    private static Wire.Lista page(JsonParser first, DeserializationContext context, char[] text, int length)
            throws IOException {
        List<String> records = null;
        Wire.Pagina pagina = null;
        JsonParser p = first;
        char[] chars = text;
        int end = length;
        try {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (field.equals("itens")) {
                    if (!p.isExpectedStartArrayToken()) {
                        context.handleUnexpectedToken(context.constructType(List.class), p);
                    }
                    if (!RecordCut.readsAs(p)) {
                        records = parsed(p, chars);
                        continue;
                    }
                    records = new ArrayList<>();
                    int open = (int) p.currentTokenLocation().getCharOffset();
                    int depth = p.getParsingContext().getNestingDepth();
                    int close = RecordCut.records(p, chars, open, end, depth, records);
                    chars = after(p, chars, close, end);
                    end = chars.length;
                    JsonParser rest = factory(first).createParser(chars, 0, end);
                    if (p != first) {
                        p.close();
                    }
                    p = rest;
                    p.nextToken();
                } else if (field.equals("pagina")) {
                    pagina = context.readValue(p, Wire.Pagina.class);
                } else {
                    p.skipChildren();
                }
            }
        } finally {
            if (p != first) {
                p.close();
            }
        }
        return new Wire.Lista(records, pagina);
    }

    /**
     * What follows the array ending at {@code close}, as the text of an object: an opening brace, then the rest of
     * the page with the comma after the array (if any) blanked. It must be a comma followed by another field, or the
     * page's closing brace.
     */
    private static char[] after(JsonParser p, char[] text, int close, int end) throws IOException {
        int next = RecordCut.space(text, close + 1, end);
        boolean comma = next < end && text[next] == ',';
        if (!comma && (next >= end || text[next] != '}')) {
            throw new JsonParseException(
                    p, "expected ',' or '}' after the records, at character " + next + " of the page");
        }
        if (comma) {
            int field = RecordCut.space(text, next + 1, end);
            if (field >= end || text[field] != '"') {
                throw new JsonParseException(
                        p, "expected another field after the comma at character " + next + " of the page");
            }
        }
        char[] rest = new char[end - close];
        rest[0] = '{';
        System.arraycopy(text, close + 1, rest, 1, end - close - 1);
        if (comma) {
            rest[next - close] = ' ';
        }
        return rest;
    }

    /**
     * The records of the array {@code p} is on, each as the text from its first to its last character, found by
     * the parser's own tokens: for a parser that accepts more than strict JSON, which {@link RecordCut} does not.
     */
    static List<String> parsed(JsonParser p, char[] body) throws IOException {
        List<String> records = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.VALUE_NULL) {
                records.add(null);
                continue;
            }
            int start = (int) p.currentTokenLocation().getCharOffset();
            int end;
            if (t.isStructStart()) {
                p.skipChildren();
                end = (int) p.currentTokenLocation().getCharOffset() + 1;
            } else {
                p.getText(); // reads a string to its closing quote
                end = (int) p.currentLocation().getCharOffset();
            }
            records.add(new String(body, start, end - start));
        }
        return records;
    }

    /**
     * The page's text, from its opening brace (the token just read) to the end of the input, when the page is the
     * whole input and the parser can give back what it buffered; otherwise null. Taking it leaves the reading
     * parser at that brace with nothing after it, which is why a mapper that checks for trailing tokens gets null.
     */
    private static Text wholeInput(JsonParser parser, DeserializationContext context) throws IOException {
        JsonStreamContext outside = parser.getParsingContext().getParent();
        if (outside == null || !outside.inRoot() || context.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)) {
            return null;
        }
        Object source = parser.getInputSource();
        Chars chars = new Chars(KEPT.poll());
        chars.write('{');
        if (parser.releaseBuffered(chars) >= 0) {
            if (source instanceof Reader reader) {
                chars.readAll(reader);
            }
            return chars.kept();
        }
        chars.kept().giveBack();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(CHUNK);
        bytes.write('{');
        if (parser.releaseBuffered(bytes) >= 0) {
            if (source instanceof InputStream in) {
                in.transferTo(bytes);
            }
            char[] text = bytes.toString(StandardCharsets.UTF_8).toCharArray();
            return new Text(text, text.length, false);
        }
        return null;
    }

    /** The page written out again from the parser's tokens. */
    private static Text written(JsonParser parser) throws IOException {
        Chars out = new Chars();
        try (JsonGenerator gen = factory(parser).createGenerator(out)) {
            gen.copyCurrentStructureExact(parser);
        }
        return out.text();
    }

    /** The factory of the mapper reading, with its limits on what an answer may make it read. */
    private static JsonFactory factory(JsonParser parser) {
        ObjectCodec codec = parser.getCodec();
        return codec == null ? PLAIN : codec.getFactory();
    }

    /** Characters written or read into one growing array, handed over without copying them. Not thread-safe. */
    private static final class Chars extends CharArrayWriter {
        Chars() {
            super(CHUNK);
        }

        /** Writes into {@code kept} when there is one (its contents are overwritten), else into a new array. */
        Chars(char[] kept) {
            super(kept == null ? CHUNK : 0);
            if (kept != null) {
                buf = kept;
            }
        }

        /**
         * The text, its array to be given back once the page's records are copied out of it: pages of the same
         * size then allocate no array, whichever thread reads them (each used to allocate about 7 times its size
         * while growing, in steps large enough to be humongous objects in a small G1 heap).
         */
        Text kept() {
            return new Text(buf, count, true);
        }

        void readAll(Reader in) throws IOException {
            while (true) {
                if (count == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, count, buf.length - count);
                if (n < 0) {
                    return;
                }
                count += n;
            }
        }

        Text text() {
            return new Text(buf, count, false);
        }
    }
}
