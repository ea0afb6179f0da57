package br.dev.sync.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.RetryableTransportException;
import br.dev.sync.core.SyncException;
import br.dev.sync.core.TransportException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpFailuresTest {
    private static final String URL = "https://wta.example.com/api/wholesale/v1/customer/list?page=2&token=abc";

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void server_failures_timeouts_and_rate_limits_are_retryable(int status) {
        SyncException e = HttpFailures.forStatus("winthor", "GET", URL, status, null, "");

        assertThat(e).isInstanceOf(RetryableTransportException.class);
        assertThat(((RetryableTransportException) e).status()).isEqualTo(status);
        assertThat(e.getMessage()).contains("winthor", "GET /api/wholesale/v1/customer/list", String.valueOf(status));
        assertThat(e.getMessage()).doesNotContain("token=abc", "page=2");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void other_client_errors_are_not_retryable(int status) {
        SyncException e = HttpFailures.forStatus("winthor", "POST", URL, status, "5", "x");

        assertThat(e).isExactlyInstanceOf(TransportException.class);
        assertThat(((TransportException) e).status()).isEqualTo(status);
    }

    @Test
    void retry_after_in_seconds_is_carried() {
        RetryableTransportException e =
                (RetryableTransportException) HttpFailures.forStatus("omnisync", "GET", URL, 429, "7", null);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("limiting the rate", "wait 7 s");
    }

    @Test
    void retry_after_reads_seconds_and_http_dates_and_ignores_garbage() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        assertThat(HttpFailures.parseRetryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(HttpFailures.parseRetryAfter("Sun, 22 Nov 2026 10:00:30 GMT", now))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(HttpFailures.parseRetryAfter("Sun, 22 Nov 2026 09:00:00 GMT", now))
                .isEqualTo(Duration.ZERO);
        assertThat(HttpFailures.parseRetryAfter("-4", now)).isEqualTo(Duration.ZERO);
        assertThat(HttpFailures.parseRetryAfter("soon", now)).isNull();
        assertThat(HttpFailures.parseRetryAfter(null, now)).isNull();
    }

    @Test
    void path_drops_scheme_host_query_and_fragment() {
        assertThat(HttpFailures.pathOf(URL)).isEqualTo("/api/wholesale/v1/customer/list");
        assertThat(HttpFailures.pathOf("http://h:8080")).isEqualTo("/");
        assertThat(HttpFailures.pathOf("/login?senha=x#y")).isEqualTo("/login");
    }

    @Test
    void io_failures_are_retryable_and_say_what_to_check() {
        RetryableTransportException timeout =
                HttpFailures.forIo("portal-postal", "GET", URL, new HttpTimeoutException("request timed out"));

        assertThat(timeout.status()).isEqualTo(-1);
        assertThat(timeout.getMessage()).contains("portal-postal did not answer in time", "check the network");
    }

    @Test
    void long_error_bodies_are_shortened_to_one_line() {
        SyncException e =
                HttpFailures.forStatus("cws", "GET", URL, 400, null, "line one\nline two " + "x".repeat(1000));

        assertThat(e.getMessage())
                .contains("line one line two")
                .doesNotContain("\n")
                .hasSizeLessThan(700);
    }
}
