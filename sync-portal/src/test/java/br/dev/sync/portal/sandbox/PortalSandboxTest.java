package br.dev.sync.portal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PortalSandboxTest {
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private PortalSandbox sandbox;
    private String token;

    @BeforeEach
    void start() throws Exception {
        sandbox = PortalSandbox.start(
                SandboxOptions.defaults().withPrePostings(100).withOutposts(2));
        var o = sandbox.options();
        String body = post(
                        "/v1/autenticacao/login",
                        "{\"login\":\"" + o.login() + "\",\"senha\":\"" + o.secret() + "\",\"agencia\":\"0042\"}",
                        null)
                .body();
        token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> post(String path, String json, String bearer)
            throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery, String bearer) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSameSeedGivesTheSameData() {
        try (PortalSandbox again = PortalSandbox.start(
                SandboxOptions.defaults().withPrePostings(100).withOutposts(2))) {
            assertThat(again.records("pre-postagens")).isEqualTo(sandbox.records("pre-postagens"));
            assertThat(again.records("clientes")).hasSize(200);
        }
        assertThat(sandbox.outposts()).containsExactly("0001", "0002");
    }

    @Test
    void listsNeedATokenAndCredentialsInTheQueryStringAreRefused() throws Exception {
        assertThat(get("/v1/clientes", null).statusCode()).isEqualTo(401);
        assertThat(get("/v1/clientes?senha=x", token).statusCode()).isEqualTo(400);
        assertThat(get("/v1/clientes?limite=5", token).body())
                .contains("\"temMais\":true")
                .contains("\"proximo\"");
        assertThat(post("/v1/autenticacao/login", "{\"login\":\"x\",\"senha\":\"y\",\"agencia\":\"0042\"}", null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aPageIsWrittenAsJacksonWritesItsRecordsAndPagination() throws Exception {
        sandbox.update(
                "pre-postagens",
                sandbox.records("pre-postagens").get(3).replaceAll(".*\"codigoObjeto\":\"([^\"]+)\".*", "$1"),
                "observacao",
                "frágil \"vidro\" \\ ç");
        List<String> stored = sandbox.records("pre-postagens");
        sandbox.faults().malformedRecords(0.2);
        String cursor = "";
        int records = 0;
        boolean more = true;
        while (more) {
            String body = get("/v1/pre-postagens?limite=30" + cursor, token).body();
            JsonNode page = SandboxState.JSON.readTree(body);

            assertThat(body).startsWith("{\"itens\":[").isEqualTo(page.toString());
            assertThat(page.fieldNames()).toIterable().containsExactly("itens", "pagina");
            assertThat(page.path("pagina").path("quantidade").asInt())
                    .isEqualTo(page.path("itens").size());
            assertThat(page.path("pagina").path("total").asInt()).isEqualTo(100);
            records += page.path("itens").size();
            more = page.path("pagina").path("temMais").asBoolean();
            JsonNode next = page.path("pagina").path("proximo");
            cursor = "&alteradoDesde=" + next.path("alteradoDesde").asText() + "&aposId="
                    + next.path("aposId").asText();
        }
        assertThat(records).isEqualTo(100);
        assertThat(sandbox.faults().malformedRecordsInjected()).isPositive();
        assertThat(sandbox.records("pre-postagens")).isEqualTo(stored);
        String empty = get("/v1/pre-postagens?limite=30" + cursor, token).body();
        assertThat(empty)
                .isEqualTo(SandboxState.JSON.readTree(empty).toString())
                .startsWith("{\"itens\":[],");
    }

    @Test
    void aBatchIdSeenBeforeGetsItsFirstAnswerAndChangesNothing() throws Exception {
        String batch =
                "{\"lote\":\"L1\",\"itens\":[{\"sequencia\":1,\"dados\":{\"numero\":\"NF-1\",\"idCliente\":\"C1\","
                        + "\"dataEmissao\":\"2026-11-21\",\"valorTotal\":10.00}},{\"sequencia\":2,\"dados\":{\"numero\":\"\"}}]}";

        String first = post("/v1/faturas/lotes", batch, token).body();
        String again = post("/v1/faturas/lotes", batch, token).body();

        assertThat(first).contains("\"situacao\":\"ACEITO\"").contains("\"situacao\":\"REJEITADO\"");
        assertThat(again).isEqualTo(first);
        assertThat(sandbox.uploads("faturas")).containsOnlyKeys("NF-1");
        String other =
                post("/v1/faturas/lotes", batch.replace("L1", "L2"), token).body();
        assertThat(other).contains("\"situacao\":\"DUPLICADO\"");
    }

    @Test
    void aDayCloseMustDeclareTheSalesThePortalHolds() throws Exception {
        String sale = "{\"lote\":\"R1\",\"posto\":\"0001\",\"itens\":[{\"sequencia\":1,\"dados\":{\"posto\":\"0001\","
                + "\"idVenda\":\"V1\",\"data\":\"2026-11-21\",\"idCliente\":\"C1\",\"codigoObjeto\":\"SS460209415BR\","
                + "\"valor\":22.00}}]}";
        post("/v1/vendas-remotas/lotes", sale, token);

        var wrong = post(
                "/v1/vendas-remotas/fechamentos",
                "{\"posto\":\"0001\",\"data\":\"2026-11-21\",\"quantidade\":2}",
                token);
        assertThat(wrong.statusCode()).isEqualTo(409);
        assertThat(wrong.body()).contains("\"msgs\"").contains("declarou 2");
        var right = post(
                "/v1/vendas-remotas/fechamentos",
                "{\"posto\":\"0001\",\"data\":\"2026-11-21\",\"quantidade\":1}",
                token);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(sandbox.isClosed("0001", java.time.LocalDate.of(2026, 11, 21)))
                .isTrue();
        assertThat(post("/v1/vendas-remotas/lotes", sale.replace("R1", "R2").replace("V1", "V2"), token)
                        .body())
                .contains("REJEITADO")
                .contains("já foi fechado");
        assertThat(get("/v1/vendas-remotas/fechamentos?data=2026-11-21", token).body())
                .contains("\"posto\":\"0001\"");
    }
}
