package br.dev.sync.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.dev.sync.core.RetryableTransportException;
import br.dev.sync.core.SyncException;
import br.dev.sync.core.TransportException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResilientCallsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true))
            .build();

    @Test
    void call_retries_a_retryable_failure_and_returns_the_result() {
        ResilientCalls calls =
                HttpToolkit.resilient(Stubs.settings(wm.baseUrl()).build());
        AtomicInteger tries = new AtomicInteger();

        String result = calls.call("lote status", () -> {
            if (tries.incrementAndGet() == 1) {
                throw new RetryableTransportException("batch in progress", 409, null, null);
            }
            return "closed";
        });

        assertThat(result).isEqualTo("closed");
        assertThat(tries).hasValue(2);
    }

    @Test
    void call_does_not_retry_other_failures() {
        ResilientCalls calls =
                HttpToolkit.resilient(Stubs.settings(wm.baseUrl()).build());
        AtomicInteger tries = new AtomicInteger();

        SyncException e = catchThrowableOfType(
                SyncException.class,
                () -> calls.call("apply", () -> {
                    tries.incrementAndGet();
                    throw new SyncException("broken");
                }));

        assertThat(e).hasMessage("broken");
        assertThat(tries).hasValue(1);
    }

    @Test
    void open_stream_reads_a_big_answer_with_the_token_after_a_retried_503() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/login")).willReturn(okJson("{\"token\":\"tok-stream-77\"}")));
        wm.stubFor(get(urlPathEqualTo("/export"))
                .inScenario("export")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo("/export"))
                .inScenario("export")
                .whenScenarioStateIs("up")
                .withHeader("Authorization", equalTo("Bearer tok-stream-77"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Encoding", "gzip")
                        .withBody(Stubs.gzip(Stubs.PAGE_JSON))));
        Auth auth = Auth.tokenEndpoint("/login", Map.of("login", "ana"), "token", Duration.ofHours(1));
        ResilientCalls calls =
                HttpToolkit.resilient(Stubs.settings(wm.baseUrl()).auth(auth).build());

        String body;
        try (InputStream in = calls.openStream("/export?day=2026-11-22")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(body).isEqualTo(Stubs.PAGE_JSON);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/export")).withQueryParam("day", equalTo("2026-11-22")));
    }

    @Test
    void clients_and_streams_of_one_resilient_calls_share_the_token() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/login")).willReturn(okJson("{\"token\":\"tok-shared-88\"}")));
        wm.stubFor(get(urlPathEqualTo("/items"))
                .withHeader("Authorization", equalTo("Bearer tok-shared-88"))
                .willReturn(okJson(Stubs.PAGE_JSON)));
        Auth auth = Auth.tokenEndpoint("/login", Map.of("login", "ana"), "token", Duration.ofHours(1));
        ResilientCalls calls =
                HttpToolkit.resilient(Stubs.settings(wm.baseUrl()).auth(auth).build());

        TestApi.Page page = calls.client(TestApi.class).list(0);
        String streamed;
        try (InputStream in = calls.openStream("/items?page=1")) {
            streamed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(page.items()).hasSize(2);
        assertThat(streamed).isEqualTo(Stubs.PAGE_JSON);
        wm.verify(1, postRequestedFor(urlPathEqualTo("/login")));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void open_stream_refuses_to_read_past_the_limit() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/export")).willReturn(okJson("[" + "1,".repeat(2000) + "1]")));
        ResilientCalls calls = HttpToolkit.resilient(
                Stubs.settings(wm.baseUrl()).maxResponseBytes(1024).build());

        TransportException e = catchThrowableOfType(TransportException.class, () -> {
            try (InputStream in = calls.openStream("/export")) {
                in.readAllBytes();
            }
        });

        assertThat(e.getMessage()).contains("larger than the limit of 1024 bytes", "GET /export");
    }
}
