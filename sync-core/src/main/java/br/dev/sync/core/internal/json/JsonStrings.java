package br.dev.sync.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes values as JSON text, as {@link Json#mapper()}'s {@code writeValueAsString} does, through one generator per
 * thread. A page of pre-postings writes two nested parties a record; a generator of its own for each (its context,
 * buffers and writer) was about a tenth of what a pull allocated. A generator whose write failed is dropped, as is
 * one whose text grew past 64K characters. A write from inside a write (a serializer of the caller's that writes
 * JSON text itself) gets a generator of its own.
 */
public final class JsonStrings {
    private static final int MAX_KEPT_CHARS = 64 * 1024;
    private static final ThreadLocal<Slot> SLOT = new ThreadLocal<>();

    private JsonStrings() {}

    /** The value as JSON text: the same text as {@code Json.mapper().writeValueAsString(value)}. */
    public static String write(Object value) throws JsonProcessingException {
        try {
            return writeOrFail(value);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) { // a string builder does not fail: as writeValueAsString, should it happen
            throw JsonMappingException.fromUnexpectedIOE(e);
        }
    }

    private static String writeOrFail(Object value) throws IOException {
        Slot slot = SLOT.get();
        if (slot == null) {
            slot = new Slot();
            SLOT.set(slot);
        } else if (slot.busy) { // a serializer that writes a value of its own: that one gets a generator to itself
            return Json.mapper().writeValueAsString(value);
        }
        slot.busy = true;
        boolean written = false;
        try {
            Json.mapper().writeValue(slot.generator, value);
            slot.generator.flush();
            String text = slot.text.chars.toString();
            written = true;
            return text;
        } finally {
            slot.busy = false;
            if (written && slot.text.chars.capacity() <= MAX_KEPT_CHARS) {
                slot.text.chars.setLength(0);
            } else {
                SLOT.remove();
            }
        }
    }

    /** A thread's generator and the text it writes into; values follow each other with nothing between. */
    private static final class Slot {
        final Text text = new Text();
        final JsonGenerator generator;
        boolean busy;

        Slot() throws IOException {
            generator = Json.mapper().createGenerator(text);
            generator.setRootValueSeparator(null);
        }
    }

    /** A writer into a string builder, for one thread. */
    private static final class Text extends Writer {
        final StringBuilder chars = new StringBuilder(512);

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars.append(buffer, offset, length);
        }

        @Override
        public void write(String s, int offset, int length) {
            chars.append(s, offset, offset + length);
        }

        @Override
        public void write(int c) {
            chars.append((char) c);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
