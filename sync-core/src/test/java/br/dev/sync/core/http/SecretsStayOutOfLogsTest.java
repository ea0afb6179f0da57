package br.dev.sync.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.dev.sync.core.RetryableTransportException;
import br.dev.sync.core.TransportException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Promise 8: with the request log at DEBUG (see simplelogger.properties), requests are logged but no password,
 * token or API key reaches a log line or an exception message.
 */
class SecretsStayOutOfLogsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String PASSWORD = "Senha#Secreta-2026";
    private static final String TOKEN = "eyJ.token-que-nao-pode-vazar.sig";
    private static final String API_KEY = "ak_live_9f8e7d6c5b4a";
    private static final String BASIC_PASSWORD = "basic-pass-8765";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureLog() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        System.setErr(originalErr);
        originalErr.print(log());
    }

    private String log() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private List<String> secrets() {
        String basic = Base64.getEncoder().encodeToString(("ana:" + BASIC_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return List.of(PASSWORD, TOKEN, API_KEY, BASIC_PASSWORD, basic);
    }

    @Test
    void token_and_password_stay_out_of_the_request_log_and_of_messages() {
        wm.stubFor(post(urlPathEqualTo("/login")).willReturn(okJson("{\"token\":\"" + TOKEN + "\"}")));
        wm.stubFor(get(urlPathEqualTo("/items"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(Stubs.PAGE_JSON)));
        wm.stubFor(get(urlPathEqualTo("/anything"))
                .willReturn(aResponse().withStatus(500).withBody("{\"erro\":\"token " + TOKEN + " expirou\"}")));
        Auth auth =
                Auth.tokenEndpoint("/login", Map.of("login", "ana", "senha", PASSWORD), "token", Duration.ofHours(2));
        HttpSettings settings = Stubs.settings(wm.baseUrl()).auth(auth).build();
        TestApi api = HttpToolkit.client(TestApi.class, settings);

        TestApi.Page page = api.list(0);
        RetryableTransportException failure = catchThrowableOfType(RetryableTransportException.class, api::anything);

        assertThat(page.items()).hasSize(2);
        assertThat(log()).contains("---> GET http://", "/items?page=0", "Authorization: ***", "\"name\":\"dois\"");
        assertThat(log()).contains("Obtained a token for " + settings.remoteName() + " from POST /login");
        assertThat(failure.getMessage()).contains("500", "***");
        assertNoSecretIn(log(), failure.getMessage(), settings.toString(), auth.toString(), api.toString());
    }

    @Test
    void api_key_and_basic_credentials_stay_out_of_the_request_log_and_of_messages() {
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(Stubs.PAGE_JSON)));
        wm.stubFor(post(urlPathEqualTo("/items"))
                .willReturn(aResponse().withStatus(400).withBody("bad key " + API_KEY)));
        HttpSettings keyed = Stubs.settings(wm.baseUrl())
                .auth(Auth.apiKey("X-Api-Key", API_KEY))
                .build();
        HttpSettings basic = Stubs.settings(wm.baseUrl())
                .auth(Auth.basic("ana", BASIC_PASSWORD))
                .build();

        HttpToolkit.client(TestApi.class, basic).list(0);
        TransportException failure = catchThrowableOfType(
                TransportException.class,
                () -> HttpToolkit.client(TestApi.class, keyed).push(new TestApi.Item("1", "um")));

        assertThat(log()).contains("X-Api-Key: ***", "Authorization: ***", "---> POST http://", "\"name\":\"um\"");
        assertThat(failure.getMessage()).contains("400", "bad key ***");
        assertNoSecretIn(log(), failure.getMessage(), keyed.toString(), basic.toString());
    }

    @Test
    void a_refused_login_leaves_no_secret_in_log_or_message() {
        wm.stubFor(post(urlPathEqualTo("/login"))
                .willReturn(aResponse().withStatus(500).withBody("senha " + PASSWORD + " invalida")));
        Auth auth =
                Auth.tokenEndpoint("/login", Map.of("login", "ana", "senha", PASSWORD), "token", Duration.ofHours(2));

        RetryableTransportException failure = catchThrowableOfType(
                RetryableTransportException.class,
                () -> HttpToolkit.client(
                                TestApi.class,
                                Stubs.settings(wm.baseUrl()).auth(auth).build())
                        .list(0));

        assertThat(failure.getMessage()).contains("500", "POST /login", "senha *** invalida");
        assertNoSecretIn(log(), failure.getMessage());
    }

    private void assertNoSecretIn(String... texts) {
        for (String text : texts) {
            for (String secret : secrets()) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }
}
