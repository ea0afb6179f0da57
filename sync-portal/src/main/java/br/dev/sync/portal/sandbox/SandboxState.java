package br.dev.sync.portal.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
    record Answer(int status, String body, boolean drop, boolean cut) {
        Answer(int status, String body, boolean drop) {
            this(status, body, drop, false);
        }

        Answer dropped() {
            return new Answer(status, body, true, false);
        }

        Answer cutShort() {
            return new Answer(status, body, false, true);
        }
    }

    private final SandboxOptions options;
    private final Faults faults;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Table> uploads = new LinkedHashMap<>();
    private final Map<String, String> lastPages = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final SandboxTransfers transfers;
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
        transfers = new SandboxTransfers(this, uploads);
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
        return table(resource).all().stream().map(Table.Row::text).toList();
    }

    List<String> records(String resource, LocalDate from, LocalDate to) {
        return table(resource).select(from, to, null).stream()
                .map(Table.Row::text)
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
        t.all().forEach(r -> out.put(r.key(), r.text()));
        return out;
    }

    List<String> outposts() {
        return table("postos").all().stream().map(Table.Row::key).sorted().toList();
    }

    boolean isClosed(String outpost, LocalDate day) {
        return transfers.isClosed(outpost, day);
    }

    int logins() {
        return logins.get();
    }

    List<String> tokens() {
        return List.copyOf(tokens.keySet());
    }

    void expireTokens() {
        tokens.replaceAll((t, e) -> Instant.EPOCH);
    }

    Table table(String resource) {
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
        LocalDateTime since = q.containsKey("alteradoDesde") ? LocalDateTime.parse(q.get("alteradoDesde")) : null;
        List<Table.Row> page = t.page(from, to, q.get("posto"), since, q.get("aposId"), limit);
        boolean more = page.size() > limit;
        if (more) {
            page = page.subList(0, limit);
        }
        String body = pageBody(page, limit, t.count(from, to, q.get("posto")), more);
        lastPages.put(pageKey, body);
        Answer answer = new Answer(200, body, false);
        return faults.cut() ? answer.cutShort() : answer;
    }

    /**
     * The page as the contract has it, {@code {"itens":[...],"pagina":{...}}}, written as Jackson writes the whole
     * object, but with each record's text as its row keeps it instead of writing the record again.
     */
    private String pageBody(List<Table.Row> page, int limit, int total, boolean more) {
        String pagina = pagina(page, limit, total, more).toString();
        int size = 32 + pagina.length(); // the brackets and names around the records, and the pagination
        for (Table.Row r : page) {
            size += r.text().length() + 1;
        }
        StringBuilder out = new StringBuilder(size).append("{\"itens\":[");
        for (int i = 0; i < page.size(); i++) {
            Table.Row r = page.get(i);
            out.append(i == 0 ? "" : ",")
                    .append(faults.malformed() ? malformed(r.json()).toString() : r.text());
        }
        return out.append("],\"pagina\":").append(pagina).append('}').toString();
    }

    private static String pagina(List<Table.Row> page, int limit, int total, boolean more) {
        ObjectNode p = JSON.createObjectNode();
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
        return p.toString();
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

    Answer upload(String resource, byte[] body, URI uri) throws IOException {
        return transfers.upload(resource, body, uri);
    }

    Answer close(byte[] body, URI uri) throws IOException {
        return transfers.close(body, uri);
    }

    Answer closes(Map<String, String> q, URI uri) {
        return transfers.closes(q, uri);
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
