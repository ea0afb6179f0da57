package br.dev.sync.core.internal.http;

import br.dev.sync.core.http.Auth;
import br.dev.sync.core.http.HttpSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A plain GET whose answer is handed over as a stream, for big paged answers read record by record. Opening it
 * (up to the status line and headers) runs under the remote's policies; reading is bounded by
 * {@link HttpSettings#maxResponseBytes()} and decoded from gzip. Thread-safe.
 */
public final class RawGet {
    private RawGet() {}

    /** Opens {@code GET baseUrl + pathAndQuery}; the caller closes the stream. */
    public static InputStream open(HttpRuntime runtime, String pathAndQuery) {
        String url = runtime.settings().baseUrl() + pathAndQuery;
        String what = "GET " + HttpFailures.pathOf(url);
        return runtime.call(what, () -> runtime.withFreshTokenOn401(() -> send(runtime, url)));
    }

    private static InputStream send(HttpRuntime runtime, String url) {
        HttpSettings settings = runtime.settings();
        try {
            HttpResponse<InputStream> answer =
                    runtime.http().send(request(runtime, url), HttpResponse.BodyHandlers.ofInputStream());
            InputStream body = Bodies.guard(
                    answer.body(),
                    answer.headers().firstValue("Content-Encoding").orElse(null),
                    answer.headers().firstValueAsLong("Content-Length").orElse(-1),
                    settings.maxResponseBytes(),
                    () -> HttpFailures.tooLarge(settings.remoteName(), "GET", url, settings.maxResponseBytes()));
            int status = answer.statusCode();
            if (status < 200 || status > 299) {
                String detail = runtime.secrets().scrub(Bodies.snippet(body));
                String retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
                throw HttpFailures.forStatus(settings.remoteName(), "GET", url, status, retryAfter, detail);
            }
            return body;
        } catch (IOException e) {
            throw HttpFailures.forIo(settings.remoteName(), "GET", url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HttpFailures.forIo(settings.remoteName(), "GET", url, new IOException("interrupted", e));
        }
    }

    private static HttpRequest request(HttpRuntime runtime, String url) {
        HttpSettings settings = runtime.settings();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", settings.userAgent())
                .GET();
        if (settings.gzip()) {
            b.header("Accept-Encoding", "gzip");
        }
        Auth auth = settings.auth();
        if (auth instanceof Auth.Basic basic) {
            b.header("Authorization", TokenSource.basicHeader(basic));
        } else if (auth instanceof Auth.ApiKey key) {
            b.header(key.headerName(), key.value());
        } else if (auth instanceof Auth.TokenEndpoint) {
            b.header("Authorization", "Bearer " + runtime.tokens().token());
        }
        return b.build();
    }
}
