package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.Change;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/** An outbox of thousands for the outbox's query tests: 3,000 entries of a stream interleaved with another's. */
final class OutboxFill {
    private OutboxFill() {}

    static void thousands(DataSource ds, OutboxSql outbox, String stream) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 3_000; i++) {
                outbox.append(c, change("other-stream", i), 1L);
                outbox.append(c, change(stream, i), 1L);
            }
            c.commit();
        }
    }

    /** Entry {@code i}: key {@code key-0000i}, about 400 characters of fields. */
    static Change change(String stream, int i) {
        return Change.upsert(stream, String.format("key-%05d", i), 1, Map.of("notes", "n".repeat(400), "i", i), "test");
    }
}
