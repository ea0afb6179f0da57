package br.dev.sync.portal.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.RetryableTransportException;
import br.dev.sync.core.TransportException;
import br.dev.sync.core.Window;
import br.dev.sync.core.spi.Page;
import br.dev.sync.core.spi.PageRequest;
import br.dev.sync.portal.PortalConfig;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawPageTest {
    /** Records as a portal may write them: nested objects and arrays, escapes, numbers with trailing zeros. */
    static final List<String> SENT = List.of(
            "{\"codigoObjeto\":\"SS460209415BR\",\"valor\":300.00,\"peso\":\"300\",\"taxa\":1.50E+2,\"desconto\":-0.10}",
            "{\"observacao\":\"caixa \\\"frágil\\\" em c:\\\\temp\\\\ \\u00e7\\u00e3o \\ud83d\\ude00 \\/ \\t\",\"ok\":true}",
            "{ \"remetente\" : { \"nome\" : \"Ana\",\n  \"endereco\" : {\"cep\":\"01310100\",\"linhas\":[\"a\","
                    + "{\"b\":[1,2.0,[],{}]}]} },\"itensDeclaracaoConteudo\":[{\"valor\":30.00},{\"valor\":0.50}],"
                    + "\"nada\":null,\"chaves\":\"{[}]\" }",
            "{}");

    static final String PAGINA = "{\"limite\":4,\"quantidade\":4,\"total\":9,\"temMais\":true,"
            + "\"proximo\":{\"alteradoDesde\":\"2026-11-21T09:30:00.125\",\"aposId\":\"SS460209415BR\"}}";
    static final ObjectMapper JSON =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private WireMockServer portal;

    static String page(List<String> records, String pagina) {
        return "{\"itens\":[" + String.join(",", records) + "],\"pagina\":" + pagina + "}";
    }

    /** {@code n} records, each different, so that a page is many times the parser's buffer. */
    static List<String> many(int n) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(SENT.get(i % SENT.size()).replace("SS460209415BR", "SS" + (100_000_000 + i) + "BR"));
        }
        return records;
    }

    @BeforeEach
    void start() {
        portal = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        portal.start();
        portal.stubFor(post(urlPathEqualTo("/v1/autenticacao/login"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"t\",\"emissao\":\"2026-11-21T09:00:00\","
                                + "\"expiraEm\":\"2099-01-01T00:00:00\",\"zoneOffset\":\"-03:00\"}")));
    }

    @AfterEach
    void stop() {
        portal.stop();
    }

    private Page fetchServed(String body) {
        portal.stubFor(get(urlPathEqualTo("/v1/pre-postagens"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(body)));
        PortalConfig config = PortalConfig.builder()
                .baseUrl(portal.baseUrl())
                .agency("0042")
                .credentials("agencia0042", "secret")
                .attempts(1)
                .build();
        return new PortalTransport(config).fetch(new PageRequest("pre-postings", "", Window.SINCE_CHECKPOINT, null, 4));
    }

    @Test
    void eachRecordIsTheTextTheClientWasSentAndThePaginationStillDecodes() {
        Page page = fetchServed(page(SENT, PAGINA));

        assertThat(page.records()).containsExactlyElementsOf(SENT);
        assertThat(page.hasMore()).isTrue();
        assertThat(page.total()).isEqualTo(9);
        assertThat(Cursor.parse(page.nextCursor()))
                .isEqualTo(new Cursor(LocalDateTime.parse("2026-11-21T09:30:00.125"), "SS460209415BR"));
    }

    @Test
    void aPageLargerThanWhatTheParserBuffersKeepsEveryRecordExact() {
        List<String> sent = many(3_000);
        String body = "\n " + page(sent, PAGINA.replace("true", "false").replace("4", "3000")) + " \n";
        assertThat(body.length()).isGreaterThan(200_000);

        Page page = fetchServed(body);

        assertThat(page.records()).containsExactlyElementsOf(sent);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.total()).isEqualTo(9);
    }

    @Test
    void aPageWithoutRecordsOrPaginationIsRefusedLikeBefore() {
        assertThatThrownBy(() -> fetchServed("{\"itens\":null,\"pagina\":" + PAGINA + "}"))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("without itens or pagina");
        assertThatThrownBy(() -> fetchServed("{\"itens\":[],\"extra\":{\"a\":[1]}}"))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("without itens or pagina");
    }

    @Test
    void brokenJsonInARecordFailsTheWholePageAsUnreadable() {
        String body = page(List.of(SENT.get(0), "{\"valor\":300.00,,}"), PAGINA);

        assertThatThrownBy(() -> fetchServed(body))
                .isInstanceOf(TransportException.class)
                .isNotInstanceOf(RetryableTransportException.class);
    }

    @Test
    void anAnswerCutHalfWayFailsAsAnIoFailureAndIsTriedAgain() {
        for (int limit : new int[] {2, 200}) {
            try (PortalSandbox sandbox =
                    PortalSandbox.start(SandboxOptions.defaults().withPrePostings(300))) {
                sandbox.faults().cutAnswers(1);
                var o = sandbox.options();
                PortalTransport transport = new PortalTransport(PortalConfig.builder()
                        .baseUrl(sandbox.baseUrl())
                        .agency(o.agency())
                        .credentials(o.login(), o.secret())
                        .timeout(Duration.ofSeconds(10))
                        .attempts(3)
                        .build());

                assertThatThrownBy(() -> transport.fetch(
                                new PageRequest("pre-postings", "", Window.SINCE_CHECKPOINT, null, limit)))
                        .as("a page of %d cut half-way", limit)
                        .isInstanceOf(RetryableTransportException.class);
                assertThat(sandbox.faults().cutAnswersInjected()).isEqualTo(3);
            }
        }
    }

    @Test
    void aPageReadFromTextBytesOrAReaderKeepsEveryRecordExact() throws Exception {
        String body = page(many(200), PAGINA);
        List<String> sent = many(200);

        assertThat(JSON.readValue(body, Wire.Lista.class).itens()).containsExactlyElementsOf(sent);
        assertThat(JSON.readValue(body.getBytes(StandardCharsets.UTF_8), Wire.Lista.class)
                        .itens())
                .containsExactlyElementsOf(sent);
        assertThat(JSON.readValue(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), Wire.Lista.class)
                        .itens())
                .containsExactlyElementsOf(sent);
        assertThat(JSON.readValue(new StringReader(body), Wire.Lista.class).pagina())
                .isEqualTo(new Wire.Pagina(
                        4,
                        4,
                        9,
                        true,
                        new Wire.Proximo(LocalDateTime.parse("2026-11-21T09:30:00.125"), "SS460209415BR")));
    }

    @Test
    void pagesOfChangingSizesReadOneAfterAnotherOnOneThreadEachKeepTheirOwnRecords() throws Exception {
        // the array a page is read into is kept for the next page: a smaller page after a larger one must not show
        // any of the larger page's records, and a larger one after a smaller must grow it
        for (int n : new int[] {2_000, 3, 500, 0, 4_000, 1}) {
            List<String> sent = many(n);
            String body = page(sent, PAGINA);

            List<String> read =
                    JSON.readValue(new StringReader(body), Wire.Lista.class).itens();

            assertThat(read).as("a page of %d records", n).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void pagesReadOnSixThreadsAtOnceEachKeepTheirOwnRecords() throws Exception {
        // the kept arrays are shared by every reading thread: each must have an array of its own while it reads
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> checked = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int size = 50 + 700 * t;
                checked.add(threads.submit(() -> {
                    List<String> sent = many(size);
                    String body = page(sent, PAGINA);
                    for (int round = 0; round < 20; round++) {
                        List<String> read = JSON.readValue(new StringReader(body), Wire.Lista.class)
                                .itens();
                        assertThat(read).as("a page of %d records", size).containsExactlyElementsOf(sent);
                    }
                    return size;
                }));
            }
            for (Future<Integer> f : checked) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void recordsThatAreNotObjectsAreKeptAsSentAndNullsAsNull() throws Exception {
        String body = "{\"pagina\":" + PAGINA + ",\"itens\":[ \"a \\\"b\\\"\" , 12.50,null,true,[1, 2.0] ,{\"x\":[]}]}";

        Wire.Lista page = JSON.readValue(body, Wire.Lista.class);

        assertThat(page.itens()).containsExactly("\"a \\\"b\\\"\"", "12.50", null, "true", "[1, 2.0]", "{\"x\":[]}");
        assertThat(page.pagina().total()).isEqualTo(9);
    }

    record Wrapped(Wire.Lista page, int after) {}

    @Test
    void aPageInsideOtherJsonKeepsNumbersAsSentAndLeavesTheRestToBeRead() throws Exception {
        String record = "{\"valor\":300.00,\"itens\":[{\"valor\":0.50,\"nome\":\"a\\\"b\"}]}";
        String body = "{\"page\":" + page(List.of(record), PAGINA) + ",\"after\":7}";

        Wrapped wrapped = JSON.readValue(body, Wrapped.class);

        assertThat(wrapped.page().itens()).containsExactly(record);
        assertThat(wrapped.page().pagina().temMais()).isTrue();
        assertThat(wrapped.after()).isEqualTo(7);
    }

    @Test
    void aPageCutShortIsAParseFailure() {
        String body = page(SENT, PAGINA);

        assertThatThrownBy(() -> JSON.readValue(body.substring(0, body.length() / 2), Wire.Lista.class))
                .isInstanceOf(JsonProcessingException.class);
    }
}
