package br.dev.sync.portal.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The sandbox's data and the contract's behaviour on it, apart from HTTP. Thread-safe. */
final class SandboxState {
    static final ZoneOffset OFFSET = ZoneOffset.ofHours(-3);
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final int MAX_LIMIT = 1_000;

    /** An HTTP answer: status, JSON body, and whether to drop the connection half-way. */
    record Answer(int status, String body, boolean drop) {
        Answer dropped() {
            return new Answer(status, body, true);
        }
    }

    private final SandboxOptions options;
    private final Faults faults;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Table> uploads = new LinkedHashMap<>();
    private final Map<String, String> batches = new ConcurrentHashMap<>();
    private final Map<String, String> lastPages = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> closes = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private LocalDateTime lastTime = LocalDateTime.MIN;

    SandboxState(SandboxOptions options, Faults faults) {
        this.options = options;
        this.faults = faults;
        table("pre-postagens", "codigoObjeto", "dataCriacao");
        table("ordens-servico", "id", "dataAbertura");
        table("servicos", "codigo", null);
        table("clientes", "id", null);
        table("departamentos", "id", null);
        table("usuarios", "login", null);
        table("grupos-faturamento", "id", null);
        table("etiquetas", "id", null);
        table("amarracoes", "codigo", null);
        table("financeiro", "id", "vencimento");
        table("postos", "codigo", null);
        table("vendas-remotas", "idVenda", "data");
        uploads.put("objetos-processados", new Table("objetos-processados", "codigoObjeto", null));
        uploads.put("faturas", new Table("faturas", "numero", null));
        uploads.put("movimento", new Table("movimento", "id", "data"));
        uploads.put("vendas-remotas", tables.get("vendas-remotas"));
        new Seeder(options).seed(this::putWire);
        for (Table t : tables.values()) {
            for (Table.Row r : t.all()) {
                lastTime = r.updatedAt().isAfter(lastTime) ? r.updatedAt() : lastTime;
            }
        }
    }

    private void table(String path, String key, String date) {
        tables.put(path, new Table(path, key, date));
    }

    private void putWire(Object wire) {
        String path = SandboxResources.pathOf(wire.getClass());
        tables.get(path).put(JSON.valueToTree(wire));
    }

    // ---- accessors

    List<String> records(String resource) {
        return table(resource).all().stream().map(r -> r.json().toString()).toList();
    }

    List<String> records(String resource, LocalDate from, LocalDate to) {
        return table(resource).select(from, to, null).stream()
                .map(r -> r.json().toString())
                .toList();
    }

    String put(String resource, String json) {
        try {
            return table(resource).put((ObjectNode) JSON.readTree(json)).key();
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }

    void update(String resource, String key, String field, String value) {
        Table t = table(resource);
        Table.Row row = t.get(key);
        if (row == null) {
            throw new IllegalArgumentException("no " + resource + " with key " + key);
        }
        ObjectNode copy = row.json().deepCopy();
        copy.put(field, value);
        copy.put("atualizadoEm", now().toString());
        t.put(copy);
    }

    Map<String, String> uploads(String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        Table t = uploads.get(resource);
        if (t == null) {
            throw new IllegalArgumentException("no upload resource " + resource);
        }
        t.all().forEach(r -> out.put(r.key(), r.json().toString()));
        return out;
    }

    List<String> outposts() {
        return table("postos").all().stream().map(Table.Row::key).sorted().toList();
    }

    boolean isClosed(String outpost, LocalDate day) {
        return closes.containsKey(outpost + "/" + day);
    }

    int logins() {
        return logins.get();
    }

    void expireTokens() {
        tokens.replaceAll((t, e) -> Instant.EPOCH);
    }

    private Table table(String resource) {
        Table t = tables.get(resource);
        if (t == null) {
            throw new IllegalArgumentException("unknown resource " + resource + "; known: " + tables.keySet());
        }
        return t;
    }

    /** The portal's clock: never before anything it already holds, so a change always moves forward. */
    synchronized LocalDateTime now() {
        LocalDateTime t = LocalDateTime.now(Clock.system(OFFSET)).truncatedTo(ChronoUnit.MILLIS);
        lastTime = t.isAfter(lastTime) ? t : lastTime.plus(1, ChronoUnit.MILLIS);
        return lastTime;
    }

    // ---- login

    Answer login(byte[] body, URI uri) throws IOException {
        JsonNode req = JSON.readTree(body);
        if (!options.login().equals(req.path("login").asText())
                || !options.secret().equals(req.path("senha").asText())
                || !options.agency().equals(req.path("agencia").asText())) {
            return error(401, "login, senha ou agência não conferem", null, uri);
        }
        String token = UUID.randomUUID().toString();
        Instant expires = Instant.now().plus(options.tokenTtl());
        tokens.put(token, expires);
        logins.incrementAndGet();
        ObjectNode out = JSON.createObjectNode();
        out.put("token", token);
        out.put(
                "emissao",
                LocalDateTime.ofInstant(Instant.now(), OFFSET)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        out.put(
                "expiraEm",
                LocalDateTime.ofInstant(expires, OFFSET)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        out.put("zoneOffset", "-03:00");
        return new Answer(200, out.toString(), false);
    }

    boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        Instant expires = tokens.get(header.substring(7));
        return expires != null && Instant.now().isBefore(expires);
    }

    // ---- lists

    Answer list(String resource, Map<String, String> q, URI uri) {
        Table t = tables.get(resource);
        if (t == null) {
            return error(404, "recurso desconhecido: " + resource, null, uri);
        }
        LocalDate from = q.containsKey("dataInicial") ? LocalDate.parse(q.get("dataInicial")) : null;
        LocalDate to = q.containsKey("dataFinal") ? LocalDate.parse(q.get("dataFinal")) : from;
        if ((from == null) != (q.get("dataFinal") == null)) {
            return error(400, "informe dataInicial e dataFinal juntas", null, uri);
        }
        int limit = Math.min(MAX_LIMIT, Integer.parseInt(q.getOrDefault("limite", "500")));
        String pageKey = resource + "|" + from + "|" + to + "|" + q.get("posto");
        if (faults.duplicatePage() && lastPages.containsKey(pageKey)) {
            return new Answer(200, lastPages.get(pageKey), false);
        }
        List<Table.Row> rows = t.select(from, to, q.get("posto"));
        LocalDateTime since = q.containsKey("alteradoDesde") ? LocalDateTime.parse(q.get("alteradoDesde")) : null;
        String afterId = q.get("aposId");
        List<Table.Row> page = new ArrayList<>();
        boolean more = false;
        for (Table.Row r : rows) {
            if (since != null) {
                int c = r.updatedAt().compareTo(since);
                if (c < 0 || (c == 0 && afterId != null && r.key().compareTo(afterId) <= 0)) {
                    continue;
                }
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(r);
        }
        String body = pageBody(page, limit, rows.size(), more);
        lastPages.put(pageKey, body);
        return new Answer(200, body, false);
    }

    private String pageBody(List<Table.Row> page, int limit, int total, boolean more) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("itens");
        page.forEach(r -> items.add(faults.malformed() ? malformed(r.json()) : r.json()));
        ObjectNode p = out.putObject("pagina");
        p.put("limite", limit);
        p.put("quantidade", page.size());
        p.put("total", total);
        p.put("temMais", more);
        if (page.isEmpty()) {
            p.putNull("proximo");
        } else {
            Table.Row last = page.get(page.size() - 1);
            ObjectNode next = p.putObject("proximo");
            next.put("alteradoDesde", last.updatedAt().toString());
            next.put("aposId", last.key());
        }
        return out.toString();
    }

    private static JsonNode malformed(ObjectNode json) {
        ObjectNode copy = json.deepCopy();
        if (copy.has("codigoObjeto")) {
            String code = copy.get("codigoObjeto").asText();
            char dv = code.charAt(10);
            copy.put("codigoObjeto", code.substring(0, 10) + (char) ('0' + (dv - '0' + 1) % 10) + code.substring(11));
        } else {
            copy.put("atualizadoEm", "ontem");
        }
        return copy;
    }

    // ---- uploads

    Answer upload(String resource, byte[] body, URI uri) throws IOException {
        Table t = uploads.get(resource);
        if (t == null) {
            return error(404, "recurso de envio desconhecido: " + resource, null, uri);
        }
        JsonNode lote = JSON.readTree(body);
        String id = lote.path("lote").asText("");
        if (id.isBlank() || !lote.path("itens").isArray()) {
            return error(400, "lote e itens são obrigatórios", null, uri);
        }
        synchronized (this) {
            String seen = batches.get(resource + "|" + id);
            if (seen != null) {
                return new Answer(200, seen, false);
            }
            ObjectNode out = JSON.createObjectNode();
            out.put("lote", id);
            ArrayNode results = out.putArray("resultados");
            for (JsonNode item : lote.get("itens")) {
                results.add(receive(resource, t, lote, item));
            }
            if (resource.equals("movimento")) {
                out.set("confirmacao", confirmation(t, lote));
            }
            String answer = out.toString();
            batches.put(resource + "|" + id, answer);
            return new Answer(200, answer, false);
        }
    }

    private ObjectNode receive(String resource, Table t, JsonNode lote, JsonNode item) {
        ObjectNode result = JSON.createObjectNode();
        result.put("sequencia", item.path("sequencia").asLong());
        JsonNode dados = item.path("dados");
        String problem = SandboxResources.problem(resource, lote, dados);
        if (problem == null
                && resource.equals("vendas-remotas")
                && isClosed(
                        dados.path("posto").asText(),
                        LocalDate.parse(dados.path("data").asText()))) {
            problem = "o dia " + dados.path("data").asText() + " do posto "
                    + dados.path("posto").asText() + " já foi fechado";
        }
        if (problem != null) {
            result.put("situacao", "REJEITADO");
            result.put("erro", problem);
            return result;
        }
        ObjectNode copy = ((ObjectNode) dados).deepCopy();
        Table.Row existing = t.get(t.keyOf(copy));
        if (existing != null && sameContent(existing.json(), copy)) {
            result.put("situacao", "DUPLICADO");
            return result;
        }
        copy.put("atualizadoEm", now().toString());
        t.put(copy);
        result.put("situacao", "ACEITO");
        return result;
    }

    private static boolean sameContent(ObjectNode stored, ObjectNode sent) {
        ObjectNode a = stored.deepCopy();
        ObjectNode b = sent.deepCopy();
        a.remove("atualizadoEm");
        b.remove("atualizadoEm");
        return a.equals(b);
    }

    private ObjectNode confirmation(Table t, JsonNode lote) {
        String client = lote.path("cliente").asText();
        LocalDate day = LocalDate.parse(lote.path("data").asText());
        int count = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Table.Row r : t.select(day, day, null)) {
            if (client.equals(r.json().path("idCliente").asText())) {
                count++;
                total = total.add(r.json().path("valor").decimalValue());
            }
        }
        ObjectNode c = JSON.createObjectNode();
        c.put("protocolo", "MOV-" + day.toString().replace("-", "") + "-" + client);
        c.put("cliente", client);
        c.put("data", day.toString());
        c.put("quantidade", count);
        c.put("valorTotal", total);
        return c;
    }

    // ---- day closes of outposts

    Answer close(byte[] body, URI uri) throws IOException {
        JsonNode req = JSON.readTree(body);
        String outpost = req.path("posto").asText();
        if (table("postos").get(outpost) == null) {
            return error(404, "posto " + outpost + " não cadastrado", null, uri);
        }
        LocalDate day = LocalDate.parse(req.path("data").asText());
        int declared = req.path("quantidade").asInt();
        long held = table("vendas-remotas").select(day, day, outpost).size();
        if (held != declared) {
            return error(
                    409,
                    "o posto " + outpost + " declarou " + declared + " vendas em " + day + " mas o portal tem " + held,
                    null,
                    uri);
        }
        ObjectNode close = closes.computeIfAbsent(outpost + "/" + day, k -> {
            ObjectNode c = JSON.createObjectNode();
            c.put("posto", outpost);
            c.put("data", day.toString());
            c.put("quantidade", declared);
            c.put("fechadoEm", now().toString());
            return c;
        });
        return new Answer(200, close.toString(), false);
    }

    Answer closes(Map<String, String> q, URI uri) {
        if (!q.containsKey("data")) {
            return error(400, "informe data", null, uri);
        }
        LocalDate day = LocalDate.parse(q.get("data"));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("itens");
        new HashMap<>(closes)
                .values().stream()
                        .filter(c -> c.path("data").asText().equals(day.toString()))
                        .sorted((a, b) -> a.path("posto")
                                .asText()
                                .compareTo(b.path("posto").asText()))
                        .forEach(items::add);
        return new Answer(200, out.toString(), false);
    }

    static Answer error(int status, String message, Throwable cause, URI uri) {
        ObjectNode out = JSON.createObjectNode();
        out.putArray("msgs").add(message);
        out.put(
                "date",
                LocalDateTime.now(OFFSET).truncatedTo(ChronoUnit.SECONDS).toString());
        out.put("excecao", cause == null ? "PortalException" : cause.getClass().getSimpleName());
        out.put("causa", cause == null ? message : String.valueOf(cause.getMessage()));
        out.put("path", uri.getRawPath());
        return new Answer(status, out.toString(), false);
    }
}
