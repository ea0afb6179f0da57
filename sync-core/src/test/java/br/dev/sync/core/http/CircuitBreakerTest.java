package br.dev.sync.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import br.dev.sync.core.RetrySettings;
import br.dev.sync.core.RetryableTransportException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CircuitBreakerTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final CircuitBreakerSettings THREE_THEN_300MS =
            new CircuitBreakerSettings(3, Duration.ofMillis(300), 1);

    private HttpSettings settings(String remote) {
        return Stubs.settings(wm.baseUrl())
                .remoteName(remote)
                .retry(RetrySettings.NONE)
                .circuitBreaker(THREE_THEN_300MS)
                .build();
    }

    @Test
    void opens_after_the_threshold_fails_fast_naming_the_remote_and_closes_after_a_success() {
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(503)));
        TestApi api = HttpToolkit.client(TestApi.class, settings("winthor-cb-1"));
        for (int i = 0; i < 3; i++) {
            RetryableTransportException e = catchThrowableOfType(RetryableTransportException.class, () -> api.list(0));
            assertThat(e.status()).isEqualTo(503);
        }

        RetryableTransportException open = catchThrowableOfType(RetryableTransportException.class, () -> api.list(0));

        assertThat(open.status()).isEqualTo(-1);
        assertThat(open.getMessage()).contains("winthor-cb-1", "circuit breaker is open", "fail fast until");
        assertThat(open.retryAfter())
                .hasValueSatisfying(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300)));
        wm.verify(3, getRequestedFor(urlPathEqualTo("/items")));

        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(Stubs.PAGE_JSON)));
        TestApi.Page page = await().pollDelay(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(3))
                .ignoreExceptionsInstanceOf(RetryableTransportException.class)
                .until(() -> api.list(0), p -> p != null);
        assertThat(page.items()).hasSize(2);
        assertThat(api.list(1).items()).hasSize(2);
        wm.verify(5, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void is_shared_by_every_client_of_the_same_remote() {
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(500)));
        TestApi first = HttpToolkit.client(TestApi.class, settings("omnisync-cb-2"));
        TestApi second = HttpToolkit.client(TestApi.class, settings("omnisync-cb-2"));
        for (int i = 0; i < 3; i++) {
            catchThrowableOfType(RetryableTransportException.class, () -> first.list(0));
        }

        RetryableTransportException e = catchThrowableOfType(RetryableTransportException.class, () -> second.list(0));

        assertThat(e.getMessage()).contains("omnisync-cb-2", "circuit breaker is open");
        wm.verify(3, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void answers_that_retrying_cannot_fix_do_not_open_it() {
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(400)));
        TestApi api = HttpToolkit.client(TestApi.class, settings("portal-cb-3"));
        for (int i = 0; i < 5; i++) {
            catchThrowableOfType(br.dev.sync.core.TransportException.class, () -> api.list(0));
        }

        wm.verify(5, getRequestedFor(urlPathEqualTo("/items")));
    }
}
