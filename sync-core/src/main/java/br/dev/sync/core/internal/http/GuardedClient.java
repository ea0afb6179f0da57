package br.dev.sync.core.internal.http;

import br.dev.sync.core.http.HttpSettings;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Wraps the transport client: I/O failures become retryable SDK exceptions at once, gzip answers are decoded, and
 * no answer may exceed {@link HttpSettings#maxResponseBytes()}. Thread-safe.
 */
final class GuardedClient implements Client {
    private final Client delegate;
    private final HttpSettings settings;

    GuardedClient(Client delegate, HttpSettings settings) {
        this.delegate = delegate;
        this.settings = settings;
    }

    @Override
    public Response execute(Request request, Request.Options options) {
        Response response;
        try {
            response = delegate.execute(request, options);
        } catch (IOException e) {
            throw HttpFailures.forIo(settings.remoteName(), request.httpMethod().name(), request.url(), e);
        }
        return guard(response);
    }

    private Response guard(Response response) {
        if (response.body() == null) {
            return response;
        }
        Request request = response.request();
        String encoding = first(response.headers(), "Content-Encoding");
        Integer length = response.body().length();
        long limit = settings.maxResponseBytes();
        try {
            InputStream body = Bodies.guard(
                    response.body().asInputStream(),
                    encoding,
                    length == null ? -1 : length,
                    limit,
                    () -> HttpFailures.tooLarge(
                            settings.remoteName(), request.httpMethod().name(), request.url(), limit));
            boolean decoded = Bodies.isGzip(encoding);
            return response.toBuilder()
                    .headers(decoded ? withoutEncoding(response.headers()) : response.headers())
                    .body(body, decoded ? null : length)
                    .build();
        } catch (IOException e) {
            throw HttpFailures.forIo(settings.remoteName(), request.httpMethod().name(), request.url(), e);
        }
    }

    private static Map<String, Collection<String>> withoutEncoding(Map<String, Collection<String>> headers) {
        Map<String, Collection<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(new LinkedHashMap<>(headers));
        copy.remove("Content-Encoding");
        copy.remove("Content-Length");
        return copy;
    }

    static String first(Map<String, Collection<String>> headers, String name) {
        for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
            if (e.getKey() != null
                    && e.getKey().equalsIgnoreCase(name)
                    && !e.getValue().isEmpty()) {
                return e.getValue().iterator().next();
            }
        }
        return null;
    }
}
