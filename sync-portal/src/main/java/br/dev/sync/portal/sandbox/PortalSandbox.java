package br.dev.sync.portal.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Portal Postal server in the process, implementing the contract on 127.0.0.1 with a random port. It is
 * stateful: seeded data (see {@link SandboxOptions}), records uploaded by batch (a batch id seen before gets its
 * first answer again), remote sales queued per outpost and day, and day closes. {@link #faults()} injects delays,
 * 503 answers, dropped connections, duplicated pages and malformed records.
 *
 * <pre>{@code
 * try (PortalSandbox sandbox = PortalSandbox.start(SandboxOptions.defaults())) {
 *     PortalPostal portal = PortalPostal.connect(sandbox.config());
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class PortalSandbox implements AutoCloseable {
    private final SandboxOptions options;
    private final HttpServer server;
    private final ExecutorService threads;
    private final SandboxState state;
    private final Faults faults;
    private final List<String> requestLog = Collections.synchronizedList(new ArrayList<>());

    private PortalSandbox(SandboxOptions options) throws IOException {
        this.options = options;
        this.faults = new Faults(options.seed());
        this.state = new SandboxState(options, faults);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.threads = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "portal-sandbox");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Seeds the data and starts listening on 127.0.0.1 with a free port. */
    public static PortalSandbox start(SandboxOptions options) {
        try {
            return new PortalSandbox(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Portal Postal sandbox", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public SandboxOptions options() {
        return options;
    }

    public Faults faults() {
        return faults;
    }

    /** The records of a resource (e.g. "pre-postagens") as the portal holds them, JSON, in list order. */
    public List<String> records(String resource) {
        return state.records(resource);
    }

    /** The records of a resource in a window of days (dated resources filter, others do not), in list order. */
    public List<String> records(String resource, LocalDate from, LocalDate to) {
        return state.records(resource, from, to);
    }

    /** Adds or replaces a record of a resource, given as JSON in the wire form; answers its key. */
    public String put(String resource, String json) {
        return state.put(resource, json);
    }

    /** Changes a record as the portal would: sets a field and moves its update time to now. */
    public void update(String resource, String key, String field, String value) {
        state.update(resource, key, field, value);
    }

    /** The records uploaded to a resource ("objetos-processados", "faturas", "movimento", "vendas-remotas"). */
    public Map<String, String> uploads(String resource) {
        return state.uploads(resource);
    }

    /** The registered outposts' codes. */
    public List<String> outposts() {
        return state.outposts();
    }

    /** Whether the outpost has closed the day on the portal. */
    public boolean isClosed(String outpost, LocalDate day) {
        return state.isClosed(outpost, day);
    }

    /** Every request received so far as "METHOD /path?query" (headers and bodies are not kept). */
    public List<String> requestLog() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    /** How many logins succeeded. */
    public int logins() {
        return state.logins();
    }

    /** Every token issued so far, so that tests can check none of them leaks into a log or a message. */
    public List<String> tokensIssued() {
        return state.tokens();
    }

    /** Makes every issued token expire now, as if time had passed. */
    public void expireTokens() {
        state.expireTokens();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            requestLog.add(
                    method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            if (!faults.delay().isZero()) {
                Thread.sleep(faults.delay().toMillis());
            }
            SandboxState.Answer answer = route(exchange, method, uri);
            send(exchange, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(exchange, SandboxState.error(500, "erro interno: " + e.getMessage(), e, exchange.getRequestURI()));
        }
    }

    private SandboxState.Answer route(HttpExchange exchange, String method, URI uri) throws IOException {
        String path = uri.getRawPath();
        Map<String, String> query = query(uri.getRawQuery());
        for (String name : query.keySet()) {
            if (name.toLowerCase(Locale.ROOT).matches(".*(senha|token|password|secret|segredo).*")) {
                return SandboxState.error(400, "credenciais nunca vão na query string: " + name, null, uri);
            }
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (method.equals("POST") && path.equals("/v1/autenticacao/login")) {
            return state.login(body, uri);
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!state.authorized(auth)) {
            return SandboxState.error(401, "token ausente, inválido ou expirado", null, uri);
        }
        if (!path.startsWith("/v1/")) {
            return SandboxState.error(404, "recurso desconhecido: " + path, null, uri);
        }
        String rest = path.substring(4);
        if (rest.equals("vendas-remotas/fechamentos")) {
            return method.equals("POST") ? state.close(body, uri) : state.closes(query, uri);
        }
        if (faults.serverError()) {
            return SandboxState.error(503, "serviço indisponível, tente de novo", null, uri);
        }
        SandboxState.Answer answer = method.equals("POST") && rest.endsWith("/lotes")
                ? state.upload(rest.substring(0, rest.length() - "/lotes".length()), body, uri)
                : method.equals("GET") ? state.list(rest, query, uri) : SandboxState.error(405, method, null, uri);
        return faults.drop() ? answer.dropped() : answer;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            map.put(name, value);
        }
        return map;
    }

    private static void send(HttpExchange exchange, SandboxState.Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.drop()) {
            throw new IOException("connection dropped on purpose before the answer");
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        OutputStream out = exchange.getResponseBody();
        if (answer.cut()) {
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            throw new IOException("answer cut half-way on purpose");
        }
        out.write(bytes);
    }
}
