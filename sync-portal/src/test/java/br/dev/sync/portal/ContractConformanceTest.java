package br.dev.sync.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.Window;
import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.portal.model.CounterSale;
import br.dev.sync.portal.model.Invoice;
import br.dev.sync.portal.model.ProcessedObject;
import br.dev.sync.portal.model.RemoteSale;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request the client sends and every answer it reads, through WireMock in front of the sandbox or from
 * WireMock's own stubs, conforms to docs/contracts/portal-postal.yaml.
 */
class ContractConformanceTest {
    private static final LocalDate D = LocalDate.of(2026, 11, 21);
    private static final Instant AT = Instant.parse("2026-11-21T15:00:00Z");
    private PortalSandbox sandbox;
    private WireMockServer wireMock;
    private ContractValidator contract;

    @BeforeEach
    void start() {
        sandbox = PortalSandbox.start(
                SandboxOptions.defaults().withPrePostings(300).withOutposts(1));
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        contract = new ContractValidator();
        wireMock.addMockServiceRequestListener(contract);
        wireMock.start();
        wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandbox.baseUrl())));
    }

    @AfterEach
    void stop() {
        wireMock.stop();
        sandbox.close();
    }

    private PortalConfig config(String outpost) {
        var o = sandbox.options();
        return PortalConfig.builder()
                .baseUrl(wireMock.baseUrl())
                .agency(o.agency())
                .credentials(o.login(), o.secret())
                .outpost(outpost)
                .pageSize(50)
                .build();
    }

    @Test
    void everyFlowSpeaksTheContract() {
        try (SyncEngine agency = SyncEngine.builder()
                        .node("agency-0042")
                        .store(new InMemorySyncStore())
                        .build();
                SyncEngine outpost = SyncEngine.builder()
                        .node("outpost-0001")
                        .store(new InMemorySyncStore())
                        .build()) {
            PortalPostal portal = PortalPostal.connect(config(null));
            agency.store()
                    .append(PortalStreams.change(
                            PortalStreams.PROCESSED_OBJECTS,
                            new ProcessedObject(
                                    "SS460209415BR", "03220", "C00001", 350, new BigDecimal("25.50"), D, AT),
                            "a"));
            agency.store()
                    .append(PortalStreams.change(
                            PortalStreams.INVOICES,
                            new Invoice("NF-1", "C00001", null, D, new BigDecimal("10.00"), AT),
                            "a"));
            agency.store()
                    .apply(ApplyBatch.of(
                            "counter-sales",
                            List.of(PortalStreams.change(
                                    PortalStreams.COUNTER_SALES,
                                    new CounterSale(
                                            "S1",
                                            D,
                                            "C00001",
                                            "SS460209415BR",
                                            "03220",
                                            350,
                                            new BigDecimal("25.50"),
                                            AT),
                                    "a"))));
            RemoteSales.record(
                    outpost.store(),
                    new RemoteSale(
                            "0001", "V1", D, "C00001", "SS460209429BR", "03298", 900, new BigDecimal("31.00"), AT),
                    "outpost-0001");

            agency.run(portal.full(Window.of(D.minusDays(5), D))).throwIfFailed();
            agency.run(portal.quick(Window.of(D.minusDays(5), D))).throwIfFailed();
            agency.run(portal.exportMovement(D)).throwIfFailed();
            outpost.run(PortalPostal.connect(config("0001")).remoteSales().send(D))
                    .throwIfFailed();
            agency.run(portal.remoteSales().receive(D, List.of("0001"))).throwIfFailed();
        }

        assertThat(contract.checked())
                .anySatisfy(c -> assertThat(c).startsWith("POST /v1/autenticacao/login -> 200"))
                .anySatisfy(c -> assertThat(c).startsWith("GET /v1/pre-postagens -> 200"))
                .anySatisfy(c -> assertThat(c).startsWith("POST /v1/movimento/lotes -> 200"))
                .anySatisfy(c -> assertThat(c).startsWith("POST /v1/vendas-remotas/fechamentos -> 200"))
                .anySatisfy(c -> assertThat(c).startsWith("GET /v1/vendas-remotas/fechamentos -> 200"))
                .anySatisfy(c -> assertThat(c).startsWith("POST /v1/faturas/lotes -> 200"));
        assertThat(contract.problems()).isEmpty();
    }

    @Test
    void errorAnswersTheClientReadsAreTheContractsErrorBody() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/servicos"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"msgs\":[\"recurso desconhecido: servicos\"],\"date\":\"2026-11-21T10:00:00\","
                                + "\"excecao\":\"PortalException\",\"causa\":\"recurso\",\"path\":\"/v1/servicos\"}")));
        try (SyncEngine agency = SyncEngine.builder()
                .node("agency-0042")
                .store(new InMemorySyncStore())
                .build()) {
            SyncReport report = agency.run(PortalPostal.connect(config(null)).quick(Window.day(D)));

            assertThat(report.step("pull postal-services").orElseThrow().status())
                    .isEqualTo(StepStatus.FAILED);
            assertThat(report.step("pull postal-services").orElseThrow().error())
                    .contains("404")
                    .doesNotContain(sandbox.options().secret());
        }
        assertThat(contract.checked()).anySatisfy(c -> assertThat(c).startsWith("GET /v1/servicos -> 404"));
        assertThat(contract.problems()).isEmpty();
    }

    @Test
    void theCheckCatchesAnAnswerThatDriftsFromTheContract() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/servicos"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"itens\":[{\"codigo\":3220,\"nome\":\"SEDEX\"}],\"pagina\":{\"limite\":50}}")));
        try (SyncEngine agency = SyncEngine.builder()
                .node("agency-0042")
                .store(new InMemorySyncStore())
                .build()) {
            agency.run(PortalPostal.connect(config(null)).quick(Window.day(D)));
        }
        assertThat(String.join("\n", contract.problems()))
                .contains("GET /v1/servicos -> 200")
                .contains("codigo")
                .contains("temMais");
    }
}
