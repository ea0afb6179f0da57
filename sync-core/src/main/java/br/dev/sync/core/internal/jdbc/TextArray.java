package br.dev.sync.core.internal.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * A {@code text[]} parameter for PostgreSQL, written in the binary array format straight into the one byte array
 * the driver sends. The driver's own {@code createArrayOf("text", ..)} writes the elements into a growing buffer
 * and copies it out at the end: for a column of JSON parties that is about half a megabyte per page written three
 * times over. Elements are encoded as UTF-8 by the JDK, as the driver encodes them. When the driver sends this
 * type as text instead, {@link #getValue()} gives the array literal.
 *
 * <p>Not thread-safe; one statement's parameter.
 */
final class TextArray extends PGobject implements PGBinaryObject {
    private static final int TEXT_OID = 25;

    private final String[] values;
    private final int from;
    private final int to;
    private byte[][] encoded;
    private boolean nulls;
    private int length = -1;

    /** Elements {@code from} to {@code to} (exclusive) of {@code values}; nulls are SQL NULL. */
    TextArray(String[] values, int from, int to) {
        this.values = values;
        this.from = from;
        this.to = to;
        this.type = "text[]";
    }

    @Override
    public int lengthInBytes() {
        if (length < 0) {
            encoded = new byte[to - from][];
            int n = 20; // dimensions, has-nulls flag, element type, then the one dimension's size and lower bound
            for (int i = from; i < to; i++) {
                n += 4;
                if (values[i] == null) {
                    nulls = true;
                } else {
                    byte[] bytes = values[i].getBytes(StandardCharsets.UTF_8);
                    encoded[i - from] = bytes;
                    n += bytes.length;
                }
            }
            length = n;
        }
        return length;
    }

    @Override
    public void toBytes(byte[] bytes, int offset) {
        lengthInBytes();
        int p = offset;
        p = putInt(bytes, p, 1);
        p = putInt(bytes, p, nulls ? 1 : 0);
        p = putInt(bytes, p, TEXT_OID);
        p = putInt(bytes, p, to - from);
        p = putInt(bytes, p, 1);
        for (byte[] element : encoded) {
            if (element == null) {
                p = putInt(bytes, p, -1);
            } else {
                p = putInt(bytes, p, element.length);
                System.arraycopy(element, 0, bytes, p, element.length);
                p += element.length;
            }
        }
    }

    private static int putInt(byte[] bytes, int p, int v) {
        bytes[p] = (byte) (v >>> 24);
        bytes[p + 1] = (byte) (v >>> 16);
        bytes[p + 2] = (byte) (v >>> 8);
        bytes[p + 3] = (byte) v;
        return p + 4;
    }

    @Override
    public void setByteValue(byte[] value, int offset) throws SQLException {
        throw new SQLFeatureNotSupportedException("a text array parameter is only sent, never read");
    }

    /** The array literal: every element quoted, '"' and '\' escaped, NULL for a null. */
    @Override
    public String getValue() {
        StringBuilder b = new StringBuilder().append('{');
        for (int i = from; i < to; i++) {
            if (i > from) {
                b.append(',');
            }
            String v = values[i];
            if (v == null) {
                b.append("NULL");
                continue;
            }
            b.append('"');
            for (int c = 0; c < v.length(); c++) {
                char ch = v.charAt(c);
                if (ch == '"' || ch == '\\') {
                    b.append('\\');
                }
                b.append(ch);
            }
            b.append('"');
        }
        return b.append('}').toString();
    }
}
