package br.dev.sync.core.internal.jdbc;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Binding field values to parameters and reading columns back as plain Java values. */
final class Values {
    static final int CHUNK = 500;

    private Values() {}

    static void bind(PreparedStatement ps, int i, Object v, int sqlType) throws SQLException {
        if (v == null) {
            ps.setNull(i, sqlType);
        } else if (v instanceof Instant instant) {
            ps.setTimestamp(i, Timestamp.from(instant));
        } else if (v instanceof Temporal || sqlType == Types.OTHER && !(v instanceof String)) {
            ps.setObject(i, v);
        } else {
            ps.setObject(i, v, sqlType);
        }
    }

    static Object read(ResultSet rs, int column) throws SQLException {
        Object v = rs.getObject(column);
        if (v instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        return v;
    }

    /** "?, ?, ?" for n parameters. */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** {@code sql} prepared with the stream as its first parameter and then the keys, in order. */
    static PreparedStatement keyed(Connection c, String sql, String stream, List<String> keys) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            ps.setString(1, stream);
            for (int i = 0; i < keys.size(); i++) {
                ps.setString(i + 2, keys.get(i));
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /** The keys in lists of at most {@link #CHUNK}, to keep IN lists within every driver's limits. */
    static <T> List<List<T>> chunks(Collection<T> keys) {
        List<T> all = new ArrayList<>(keys);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }
}
