package br.dev.sync.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.dev.sync.core.TransportException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenAuthTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String LOGIN_PATH = "/rest/cliente/usuario/login";
    private static final String PASSWORD = "senha-muito-secreta";

    private TestApi portalPostal() {
        Auth auth = Auth.tokenEndpoint(
                LOGIN_PATH + "?idEmpresa=0042",
                Map.of("login", "ana", "senha", PASSWORD),
                "token",
                Duration.ofMinutes(30));
        return HttpToolkit.client(
                TestApi.class, Stubs.settings(wm.baseUrl()).auth(auth).build());
    }

    private void loginAnswers(String token) {
        wm.stubFor(post(urlPathEqualTo(LOGIN_PATH)).willReturn(okJson("{\"token\":\"" + token + "\"}")));
    }

    private void itemsAcceptOnly(String token) {
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(401)));
        wm.stubFor(get(urlPathEqualTo("/items"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(Stubs.PAGE_JSON)));
    }

    @Test
    void obtains_the_token_once_with_the_json_body_and_reuses_it() {
        loginAnswers("tok-aaaa-1111");
        itemsAcceptOnly("tok-aaaa-1111");
        TestApi api = portalPostal();

        assertThat(api.list(0).items()).hasSize(2);
        assertThat(api.list(1).items()).hasSize(2);

        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(LOGIN_PATH))
                        .withQueryParam("idEmpresa", equalTo("0042"))
                        .withRequestBody(equalToJson("{\"login\":\"ana\",\"senha\":\"" + PASSWORD + "\"}")));
        wm.verify(
                2,
                getRequestedFor(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer tok-aaaa-1111")));
    }

    @Test
    void refreshes_the_token_once_on_401_and_repeats_the_call() {
        wm.stubFor(post(urlPathEqualTo(LOGIN_PATH))
                .inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"token\":\"tok-old-2222\"}"))
                .willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo(LOGIN_PATH))
                .inScenario("tokens")
                .whenScenarioStateIs("second")
                .willReturn(okJson("{\"token\":\"tok-new-3333\"}")));
        itemsAcceptOnly("tok-new-3333");

        TestApi.Page page = portalPostal().list(0);

        assertThat(page.items()).hasSize(2);
        wm.verify(2, postRequestedFor(urlPathEqualTo(LOGIN_PATH)));
        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer tok-old-2222")));
        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer tok-new-3333")));
    }

    @Test
    void a_second_401_fails_saying_the_credentials_were_refused_without_retrying() {
        loginAnswers("tok-bad-4444");
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(401)));

        TransportException e = catchThrowableOfType(
                TransportException.class, () -> portalPostal().list(0));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage())
                .contains("refused the credentials", "POST " + LOGIN_PATH, "login and password")
                .doesNotContain("tok-bad-4444", PASSWORD, "idEmpresa");
        wm.verify(2, postRequestedFor(urlPathEqualTo(LOGIN_PATH)));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void a_refused_login_is_not_retried_and_says_what_to_check() {
        wm.stubFor(post(urlPathEqualTo(LOGIN_PATH)).willReturn(aResponse().withStatus(401)));

        TransportException e = catchThrowableOfType(
                TransportException.class, () -> portalPostal().list(0));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("refused the credentials at POST " + LOGIN_PATH, "login and password");
        wm.verify(1, postRequestedFor(urlPathEqualTo(LOGIN_PATH)));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void reads_a_token_under_another_field_name_with_basic_credentials_and_an_expiry() {
        wm.stubFor(post(urlPathEqualTo("/token"))
                .willReturn(okJson("{\"accessToken\":\"tok-wta-5555\",\"expiraEm\":\"2999-01-01T00:00:00\","
                        + "\"zoneOffset\":\"-03:00\"}")));
        itemsAcceptOnly("tok-wta-5555");
        Auth auth = Auth.tokenEndpoint("/token", Map.of("numero", "0067599079"), "accessToken", Duration.ofHours(2))
                .withBasic("cws-user", "codigo-de-acesso")
                .expiresAt("expiraEm");
        TestApi api = HttpToolkit.client(
                TestApi.class, Stubs.settings(wm.baseUrl()).auth(auth).build());

        assertThat(api.list(0).items()).hasSize(2);

        String basic = Base64.getEncoder().encodeToString("cws-user:codigo-de-acesso".getBytes(StandardCharsets.UTF_8));
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo("/token"))
                        .withHeader("Authorization", equalTo("Basic " + basic))
                        .withRequestBody(equalToJson("{\"numero\":\"0067599079\"}")));
    }

    @Test
    void an_answer_without_the_token_field_names_the_fields_it_had() {
        wm.stubFor(post(urlPathEqualTo(LOGIN_PATH)).willReturn(okJson("{\"jwt\":\"tok-jwt-6666\",\"user\":\"ana\"}")));

        TransportException e = catchThrowableOfType(
                TransportException.class, () -> portalPostal().list(0));

        assertThat(e.getMessage())
                .contains("without a 'token' field", "[jwt, user]")
                .doesNotContain("tok-jwt-6666");
    }
}
