package br.dev.sync.core.http;

import br.dev.sync.core.RetrySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** Small helpers shared by the toolkit's tests. */
final class Stubs {
    static final String PAGE_JSON =
            "{\"items\":[{\"id\":\"1\",\"name\":\"um\"},{\"id\":\"2\",\"name\":\"dois\"}],\"more\":false}";

    /** Fast retries: 3 tries, 10 ms doubling to 50 ms, no jitter. */
    static final RetrySettings FAST_RETRY = new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50), 0);

    private Stubs() {}

    /** Settings against {@code baseUrl} with a remote name of its own, so its circuit breaker is its own. */
    static HttpSettings.Builder settings(String baseUrl) {
        return HttpSettings.builder()
                .baseUrl(baseUrl)
                .remoteName("test-" + UUID.randomUUID().toString().substring(0, 8))
                .requestTimeout(Duration.ofSeconds(5))
                .retry(FAST_RETRY)
                .circuitBreaker(CircuitBreakerSettings.DISABLED);
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
