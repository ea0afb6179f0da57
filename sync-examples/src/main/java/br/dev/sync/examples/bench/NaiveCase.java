package br.dev.sync.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The baseline as a user would write it without the SDK: read every page into one list, then insert the rows one
 * by one, each committed on its own (auto-commit). The decode into rows uses the same mapping as the ceilings.
 */
final class NaiveCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BenchDb db;
    private final DataSource ds;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    NaiveCase(BenchDb db, DataSource ds, String baseUrl) {
        this.db = db;
        this.ds = ds;
        this.baseUrl = baseUrl;
    }

    /** Answers the rows inserted. */
    long run() throws IOException, InterruptedException, SQLException {
        try (Connection c = ds.getConnection()) {
            db.createHostTable(c, db.prefix() + "pre_postings");
        }
        String token = login();
        List<Object[]> all = new ArrayList<>();
        String since = null;
        String after = null;
        while (true) {
            String query = "limite=" + Pages.PAGE
                    + (since == null ? "" : "&alteradoDesde=" + enc(since) + "&aposId=" + enc(after));
            JsonNode page = get("/v1/pre-postagens?" + query, token);
            for (JsonNode item : page.get("itens")) {
                all.add(Pages.row(item.toString(), 0));
            }
            JsonNode p = page.get("pagina");
            if (!p.get("temMais").asBoolean()) {
                break;
            }
            since = p.get("proximo").get("alteradoDesde").asText();
            after = p.get("proximo").get("aposId").asText();
        }
        return insert(all);
    }

    private long insert(List<Object[]> all) throws SQLException {
        List<String> columns = new ArrayList<>(List.of("sync_key", "version"));
        columns.addAll(BenchDb.dataColumns());
        String sql = "INSERT INTO " + db.prefix() + "pre_postings" + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            long n = 0;
            for (Object[] row : all) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    n += ps.executeUpdate();
                }
            }
            return n;
        }
    }

    private String login() throws IOException, InterruptedException {
        String body = "{\"login\":\"" + Pages.LOGIN + "\",\"senha\":\"" + Pages.SECRET + "\",\"agencia\":\""
                + Pages.AGENCY + "\"}";
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/autenticacao/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return JSON.readTree(
                        http.send(req, HttpResponse.BodyHandlers.ofString()).body())
                .get("token")
                .asText();
    }

    private JsonNode get(String path, String token) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + res.statusCode() + ": " + res.body());
        }
        return JSON.readTree(res.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
