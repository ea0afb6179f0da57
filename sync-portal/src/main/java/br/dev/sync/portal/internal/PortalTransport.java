package br.dev.sync.portal.internal;

import br.dev.sync.core.RetrySettings;
import br.dev.sync.core.TransportException;
import br.dev.sync.core.Window;
import br.dev.sync.core.http.Auth;
import br.dev.sync.core.http.CircuitBreakerSettings;
import br.dev.sync.core.http.HttpSettings;
import br.dev.sync.core.http.HttpToolkit;
import br.dev.sync.core.spi.OutboxEntry;
import br.dev.sync.core.spi.Page;
import br.dev.sync.core.spi.PageRequest;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import br.dev.sync.core.spi.SyncTransport;
import br.dev.sync.portal.PortalConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Portal Postal as a {@link SyncTransport}: lists with a window and a timestamp cursor (re-read with an overlap at
 * the end of each run), uploads by batch with per-record results. Built on the core HTTP toolkit: timeouts,
 * retries, circuit breaker and token login with refresh. Thread-safe.
 */
public final class PortalTransport implements SyncTransport {
    public static final String NAME = "portal-postal";
    private final PortalConfig config;
    private final PortalApi api;
    private final WireForms forms = new WireForms();

    public PortalTransport(PortalConfig config) {
        this.config = config;
        this.api = HttpToolkit.client(PortalApi.class, settings(config));
    }

    static HttpSettings settings(PortalConfig config) {
        return HttpSettings.builder()
                .baseUrl(config.baseUrl())
                .remoteName(NAME)
                .requestTimeout(config.timeout())
                .retry(new RetrySettings(config.attempts(), Duration.ofMillis(20), Duration.ofSeconds(2), 0.25))
                .circuitBreaker(new CircuitBreakerSettings(20, Duration.ofSeconds(5), 1))
                .auth(Auth.tokenEndpoint(
                                "/v1/autenticacao/login",
                                Map.of("login", config.login(), "senha", config.secret(), "agencia", config.agency()),
                                "token",
                                Duration.ofMinutes(30))
                        .expiresAt("expiraEm"))
                .build();
    }

    public PortalApi api() {
        return api;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Page fetch(PageRequest request) {
        String resource = Resources.path(request.stream());
        Map<String, Object> query = new LinkedHashMap<>();
        Window window = request.window();
        if (!window.isOpen()) {
            query.put("dataInicial", window.from().toString());
            query.put("dataFinal", window.to().toString());
        }
        Cursor cursor = Cursor.parse(request.cursor());
        if (cursor != null) {
            cursor.addTo(query);
        }
        query.put("limite", request.limit());
        if (!request.partition().isEmpty()) {
            query.put("posto", request.partition());
        }
        Wire.Lista list = api.list(resource, query);
        if (list == null || list.itens() == null || list.pagina() == null) {
            throw new TransportException(
                    NAME + " answered a page of " + resource + " without itens or pagina; nothing of it was applied",
                    200,
                    null);
        }
        List<String> raws = new ArrayList<>(list.itens());
        return new Page(
                raws,
                next(list.pagina(), cursor),
                list.pagina().temMais(),
                list.pagina().total());
    }

    private String next(Wire.Pagina page, Cursor asked) {
        Wire.Proximo p = page.proximo();
        if (page.temMais()) {
            if (p == null) {
                throw new TransportException(NAME + " said more pages follow but gave no proximo cursor", 200, null);
            }
            return new Cursor(p.alteradoDesde(), p.aposId()).toString();
        }
        if (p != null) {
            return new Cursor(p.alteradoDesde(), p.aposId())
                    .rewound(config.overlap())
                    .toString();
        }
        if (asked != null && asked.exact()) {
            return asked.rewound(config.overlap()).toString();
        }
        return asked == null ? null : asked.toString();
    }

    @Override
    public List<PushAck> push(PushBatch batch) {
        String resource = Resources.path(batch.stream());
        List<Wire.ItemLote> items = new ArrayList<>();
        String outpost = null;
        for (OutboxEntry e : batch.entries()) {
            JsonNode data = forms.toWire(batch.stream(), e.change().fields());
            items.add(new Wire.ItemLote(e.sequence(), data));
            outpost = outpost != null ? outpost : data.path("posto").asText(null);
        }
        if (resource.equals("vendas-remotas") && config.outpost() != null) {
            outpost = config.outpost();
        }
        Wire.ResultadoLote answer = api.upload(resource, new Wire.Lote(batch.id(), null, null, outpost, items));
        return acks(answer);
    }

    /** Uploads one client's counter sales of a day; answers the portal's results and confirmation. */
    public Wire.ResultadoLote uploadMovement(String batchId, LocalDate day, String client, List<OutboxEntry> sales) {
        List<Wire.ItemLote> items = new ArrayList<>();
        for (OutboxEntry e : sales) {
            items.add(new Wire.ItemLote(
                    e.sequence(), forms.toWire("counter-sales", e.change().fields())));
        }
        Wire.ResultadoLote answer = api.upload("movimento", new Wire.Lote(batchId, day, client, null, items));
        if (answer == null || answer.resultados() == null) {
            throw new TransportException(
                    NAME + " answered the movement batch " + batchId + " without results", 200, null);
        }
        return answer;
    }

    public Wire.Fechamento closeDay(String outpost, LocalDate day, int sales) {
        return api.close(new Wire.Fechamento(outpost, day, sales, null));
    }

    public List<Wire.Fechamento> closes(LocalDate day) {
        Wire.Fechamentos answer = api.closes(day.toString());
        return answer == null || answer.itens() == null ? List.of() : answer.itens();
    }

    static List<PushAck> acks(Wire.ResultadoLote answer) {
        if (answer == null || answer.resultados() == null) {
            throw new TransportException(NAME + " answered an upload without resultados", 200, null);
        }
        List<PushAck> acks = new ArrayList<>();
        for (Wire.Resultado r : answer.resultados()) {
            acks.add(ack(r));
        }
        return acks;
    }

    public static PushAck ack(Wire.Resultado r) {
        return switch (r.situacao()) {
            case "ACEITO" -> PushAck.accepted(r.sequencia());
            case "DUPLICADO" -> PushAck.duplicate(r.sequencia());
            default ->
                PushAck.rejected(
                        r.sequencia(), r.erro() == null || r.erro().isBlank() ? "refused without a reason" : r.erro());
        };
    }
}
