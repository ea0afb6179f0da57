package br.dev.sync.examples.bench;

import br.dev.sync.core.spi.SyncTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * The central → branch topology on PostgreSQL: the central database ({@code test}) holds the pre-postings in
 * {@code <prefix>central_pre_postings}, loaded from the sandbox's records; the branch is a second database,
 * {@value #BRANCH}, created when missing, into which the SDK applies.
 */
final class Topology {
    static final String BRANCH = "bench_sb_branch";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DB_IN_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    private Topology() {}

    /** The branch database next to the central one, created when missing. */
    static BenchDb branch(BenchDb central) throws SQLException {
        Matcher m = DB_IN_URL.matcher(central.url());
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot find the database name in " + central.url());
        }
        try (HikariDataSource ds = central.pool(1);
                Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + BRANCH + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + BRANCH);
                }
            }
        }
        return central.withUrl(m.group(1) + BRANCH + m.group(3));
    }

    /** Copies every pre-posting the sandbox serves into the central table. */
    static void load(HikariDataSource central, String table, SyncTransport sandbox) throws SQLException {
        try (Connection c = central.getConnection()) {
            PgPagesServer.createTable(c, table);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            Pages.each(sandbox, raws -> {
                List<Object[]> rows = new ArrayList<>();
                for (String raw : raws) {
                    try {
                        JsonNode n = JSON.readTree(raw);
                        rows.add(new Object[] {
                            n.get("codigoObjeto").asText(),
                            n.get("atualizadoEm").asText(),
                            raw
                        });
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                try {
                    copy.copyIn(
                            "COPY " + table + " (id, updated_at, body) FROM STDIN WITH (FORMAT csv)",
                            new StringReader(CeilingCases.csv(rows)));
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException("loading the central table failed: " + e.getMessage(), e);
                }
            });
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE " + table);
            }
        }
    }
}
