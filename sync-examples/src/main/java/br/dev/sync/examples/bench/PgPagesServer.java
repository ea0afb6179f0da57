package br.dev.sync.examples.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

/**
 * The central side of the topology: a loopback HTTP server answering the pre-postings list of the Portal Postal
 * contract ({@code GET /v1/pre-postagens}, with {@code alteradoDesde}, {@code aposId} and {@code limite}) from a
 * PostgreSQL table, by keyset pagination on (updated_at, id), in the sandbox's JSON shape; and its login. Only
 * what the pull needs: no windows, no uploads, no faults. Thread-safe.
 */
final class PgPagesServer implements AutoCloseable {
    private static final int MAX_LIMIT = 1_000;
    private final DataSource central;
    private final String table;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "central-pages");
        t.setDaemon(true);
        return t;
    });
    private final String token = UUID.randomUUID().toString();
    private volatile long total = -1;

    PgPagesServer(DataSource central, String table) throws IOException {
        this.central = central;
        this.table = table;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Creates the central table (id, updated_at, the record as jsonb) with its keyset index. */
    static void createTable(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (id VARCHAR(40) NOT NULL PRIMARY KEY,"
                    + " updated_at TIMESTAMP(3) NOT NULL, body JSONB NOT NULL)");
            s.execute("CREATE INDEX " + table + "_keyset ON " + table + " (updated_at, id)");
        }
    }

    /** Changes every record on the central side as the portal would: a new weight and a later update time. */
    static int touchAll(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("UPDATE " + table + " SET updated_at = updated_at + INTERVAL '7 days',"
                    + " body = jsonb_set(jsonb_set(body, '{atualizadoEm}', to_jsonb(to_char(updated_at"
                    + " + INTERVAL '7 days', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS'))), '{pesoInformado}', '\"777\"')");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            exchange.getRequestBody().readAllBytes();
            if (path.equals("/v1/autenticacao/login")) {
                LocalDateTime now = LocalDateTime.now().withNano(0);
                send(
                        exchange,
                        200,
                        "{\"token\":\"" + token + "\",\"emissao\":\"" + now + "\",\"expiraEm\":\"" + now.plusHours(1)
                                + "\",\"zoneOffset\":\"-03:00\"}");
            } else if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"msgs\":[\"token ausente, inválido ou expirado\"]}");
            } else if (path.equals("/v1/pre-postagens")) {
                send(exchange, 200, page(query(exchange.getRequestURI().getRawQuery())));
            } else {
                send(exchange, 404, "{\"msgs\":[\"recurso desconhecido: " + path + "\"]}");
            }
        } catch (SQLException | RuntimeException e) {
            send(
                    exchange,
                    500,
                    "{\"msgs\":[\"erro interno\"],\"causa\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private String page(Map<String, String> q) throws SQLException {
        int limit = Math.min(MAX_LIMIT, Integer.parseInt(q.getOrDefault("limite", "500")));
        String since = q.get("alteradoDesde");
        String after = q.get("aposId");
        String where =
                since == null ? "" : after == null ? " WHERE updated_at >= ?" : " WHERE (updated_at, id) > (?, ?)";
        StringBuilder items = new StringBuilder(limit * 1300);
        int n = 0;
        Timestamp lastTime = null;
        String lastId = null;
        boolean more = false;
        try (Connection c = central.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, updated_at, body::text FROM " + table + where
                        + " ORDER BY updated_at, id LIMIT ?")) {
            int i = 1;
            if (since != null) {
                ps.setTimestamp(i++, Timestamp.valueOf(LocalDateTime.parse(since)));
                if (after != null) {
                    ps.setString(i++, after);
                }
            }
            ps.setInt(i, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == limit) {
                        more = true;
                        break;
                    }
                    items.append(n++ == 0 ? "" : ",").append(rs.getString(3));
                    lastId = rs.getString(1);
                    lastTime = rs.getTimestamp(2);
                }
            }
            if (since == null || total < 0) {
                total = count(c);
            }
        }
        String next = lastId == null
                ? "null"
                : "{\"alteradoDesde\":\"" + lastTime.toLocalDateTime() + "\",\"aposId\":\"" + lastId + "\"}";
        return "{\"itens\":[" + items + "],\"pagina\":{\"limite\":" + limit + ",\"quantidade\":" + n + ",\"total\":"
                + total + ",\"temMais\":" + more + ",\"proximo\":" + next + "}}";
    }

    private long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return map;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
