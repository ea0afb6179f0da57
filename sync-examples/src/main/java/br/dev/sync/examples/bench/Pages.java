package br.dev.sync.examples.bench;

import br.dev.sync.core.Window;
import br.dev.sync.core.spi.Page;
import br.dev.sync.core.spi.PageRequest;
import br.dev.sync.core.spi.SyncTransport;
import br.dev.sync.portal.PortalConfig;
import br.dev.sync.portal.PortalStreams;
import br.dev.sync.portal.model.PrePosting;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The pre-postings the servers hold, read page by page, and turned into rows of the benchmark's tables. */
final class Pages {
    static final String STREAM = "pre-postings";
    static final int PAGE = 1_000;
    static final String AGENCY = "0042";
    static final String LOGIN = "agencia0042";
    static final String SECRET = "sandbox-secret";

    private Pages() {}

    /** How the SDK reaches the sandbox (or the benchmark's own page server, which takes the same login). */
    static PortalConfig config(String baseUrl) {
        return PortalConfig.builder()
                .baseUrl(baseUrl)
                .agency(AGENCY)
                .credentials(LOGIN, SECRET)
                .pageSize(PAGE)
                .build();
    }

    /** Every page of pre-postings, in list order, to {@code each}. */
    static void each(SyncTransport transport, Consumer<List<String>> each) {
        String cursor = null;
        while (true) {
            Page page = transport.fetch(new PageRequest(STREAM, "", Window.SINCE_CHECKPOINT, cursor, PAGE));
            each.accept(page.records());
            if (!page.hasMore()) {
                return;
            }
            cursor = page.nextCursor();
        }
    }

    /** A decoded record as a row: key, version (plus {@code bump}), then the data columns in order. */
    static Object[] row(String raw, long bump) {
        try {
            PrePosting p = PortalStreams.PRE_POSTINGS.decode(raw);
            Map<String, Object> fields = PortalStreams.PRE_POSTINGS.fieldsOf(p);
            Object[] row = new Object[fields.size() + 2];
            row[0] = PortalStreams.PRE_POSTINGS.keyOf(p);
            row[1] = PortalStreams.PRE_POSTINGS.versionOf(p) + bump;
            int i = 2;
            for (Object v : fields.values()) {
                row[i++] = v instanceof Instant instant ? Timestamp.from(instant) : v;
            }
            return row;
        } catch (Exception e) {
            throw new IllegalStateException("cannot decode a pre-posting: " + e, e);
        }
    }

    /** Binds a row to parameters 1..n, nulls typed by {@code types}. */
    static void bind(PreparedStatement ps, Object[] row, int[] types) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                ps.setNull(i + 1, types[i]);
            } else {
                ps.setObject(i + 1, row[i]);
            }
        }
    }
}
