package br.dev.sync.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import br.dev.sync.core.RetrySettings;
import br.dev.sync.core.RetryableTransportException;
import br.dev.sync.core.TransportException;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpToolkitRetryTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private TestApi api(HttpSettings.Builder settings) {
        return HttpToolkit.client(TestApi.class, settings.build());
    }

    private TestApi api() {
        return api(Stubs.settings(wm.baseUrl()));
    }

    @Test
    void retries_a_503_and_returns_the_answer_that_follows() {
        wm.stubFor(get(urlPathEqualTo("/items"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo("/items"))
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(okJson(Stubs.PAGE_JSON)));

        TestApi.Page page = api().list(0);

        assertThat(page.items()).extracting(TestApi.Item::name).containsExactly("um", "dois");
        wm.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void gives_up_after_max_attempts_with_a_retryable_error_naming_remote_call_and_status() {
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(502)));
        HttpSettings.Builder settings = Stubs.settings(wm.baseUrl()).remoteName("portal-postal-retry");

        RetryableTransportException e = catchThrowableOfType(
                RetryableTransportException.class, () -> api(settings).list(3));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.getMessage())
                .contains("portal-postal-retry", "502", "GET /items")
                .doesNotContain("page=3");
        wm.verify(3, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void honours_retry_after_on_429() {
        wm.stubFor(get(urlPathEqualTo("/items"))
                .inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/items"))
                .inScenario("limited")
                .whenScenarioStateIs("ok")
                .willReturn(okJson(Stubs.PAGE_JSON)));

        long start = System.nanoTime();
        TestApi.Page page = api().list(0);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(page.items()).hasSize(2);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void does_not_retry_a_400_and_reports_it_with_its_status_and_the_remote_words() {
        wm.stubFor(post(urlPathEqualTo("/items"))
                .willReturn(aResponse().withStatus(400).withBody("{\"msgs\":[\"name is required\"]}")));

        TransportException e =
                catchThrowableOfType(TransportException.class, () -> api().push(new TestApi.Item("1", null)));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("POST /items", "400", "name is required", "will not help");
        wm.verify(1, postRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void a_404_is_not_retried_and_says_to_check_the_base_url() {
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(404)));

        TransportException e = catchThrowableOfType(TransportException.class, () -> api().list(0));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage()).contains("baseUrl");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void a_call_slower_than_the_request_timeout_is_retried_then_fails_as_retryable() {
        wm.stubFor(
                get(urlPathEqualTo("/items")).willReturn(okJson(Stubs.PAGE_JSON).withFixedDelay(600)));
        HttpSettings.Builder settings = Stubs.settings(wm.baseUrl())
                .requestTimeout(Duration.ofMillis(200))
                .retry(new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(20), 0));

        RetryableTransportException e = catchThrowableOfType(
                RetryableTransportException.class, () -> api(settings).list(0));

        assertThat(e.status()).isEqualTo(-1);
        assertThat(e.getMessage()).contains("did not answer in time");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> wm.verify(2, getRequestedFor(urlPathEqualTo("/items"))));
    }

    @Test
    void a_dropped_connection_is_retried_as_an_io_failure() {
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        RetryableTransportException e = catchThrowableOfType(RetryableTransportException.class, () -> api().list(0));

        assertThat(e.status()).isEqualTo(-1);
        assertThat(e.getMessage()).contains("could not be reached", "GET /items");
        // java.net.http itself repeats an idempotent GET once on a reset connection: 3 tries, 3 to 6 requests
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/items")))).hasSizeBetween(3, 6);
    }

    @Test
    void default_methods_of_the_api_run_through_the_protected_calls() {
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(Stubs.PAGE_JSON)));

        assertThat(api().countFirstPage()).isEqualTo(2);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/items")));
    }
}
