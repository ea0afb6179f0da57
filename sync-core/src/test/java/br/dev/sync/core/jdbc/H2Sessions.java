package br.dev.sync.core.jdbc;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.h2.engine.Constants;
import org.h2.jdbc.JdbcConnection;

/** What H2 keeps on the sessions of a pool of embedded connections. */
final class H2Sessions {
    private H2Sessions() {}

    /**
     * The large objects H2 keeps on the sessions of a pool of {@code size} connections after the queries that
     * answered them, until LOB_TIMEOUT (5 minutes by default). H2 shows them nowhere in SQL: this borrows every
     * connection of the pool at once and reads each session's list (an internal of H2 2.x, for a file database).
     *
     * @throws IllegalStateException when this H2 keeps that list elsewhere
     */
    static int heldLargeObjects(DataSource pool, int size) throws Exception {
        List<Connection> borrowed = new ArrayList<>();
        try {
            int held = 0;
            for (int i = 0; i < size; i++) {
                Connection c = pool.getConnection();
                borrowed.add(c);
                Object session = c.unwrap(JdbcConnection.class).getSession();
                Field lobs;
                try {
                    lobs = session.getClass().getDeclaredField("temporaryResultLobs");
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(
                            "H2 " + Constants.FULL_VERSION + " keeps a session's answered large objects elsewhere", e);
                }
                lobs.setAccessible(true);
                Collection<?> list = (Collection<?>) lobs.get(session);
                held += list == null ? 0 : list.size();
            }
            return held;
        } finally {
            for (Connection c : borrowed) {
                c.close();
            }
        }
    }
}
