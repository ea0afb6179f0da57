package br.dev.sync.core.internal.copy;

import java.io.IOException;
import java.io.Reader;

/** Reads lines no longer than a limit, so a damaged or hostile file cannot make one line fill the memory. */
final class BoundedLines {
    /** Longest line accepted, in characters: a row's fields may hold {@code Json.MAX_STRING_LENGTH} of text. */
    static final int MAX_LINE = 8 * 1024 * 1024;

    private final Reader in;
    private final int max;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder line = new StringBuilder(256);
    private int pos;
    private int len;

    BoundedLines(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line without its newline, or null at the end. */
    String next() throws IOException {
        line.setLength(0);
        while (true) {
            if (pos == len) {
                len = in.read(buf);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return line.length() == 0 ? null : line.toString();
                }
            }
            int start = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            line.append(buf, start, pos - start);
            if (line.length() > max) {
                throw new IOException("a line is longer than " + max + " characters");
            }
            if (pos < len) {
                pos++;
                return line.toString();
            }
        }
    }
}
