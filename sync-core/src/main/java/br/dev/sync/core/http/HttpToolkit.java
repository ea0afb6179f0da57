package br.dev.sync.core.http;

import br.dev.sync.core.internal.http.HttpRuntime;
import java.util.Objects;

/**
 * Entry point of the HTTP toolkit. A provider declares its remote API as an interface annotated for Feign (in its
 * own {@code .internal} package) and gets a working client with {@link #client(Class, HttpSettings)}; every call
 * through it runs with a per-call timeout, bounded retries with backoff for what may pass later (I/O errors,
 * timeouts, 5xx, 408, 429 honouring Retry-After), a circuit breaker shared by all clients of the same remote, and
 * the configured authentication. Failures surface as {@link br.dev.sync.core.TransportException} or
 * {@link br.dev.sync.core.RetryableTransportException}.
 *
 * <p>Thread-safe; the clients and {@link ResilientCalls} it returns are thread-safe too and meant to be kept and
 * shared, one per remote system.
 */
public final class HttpToolkit {
    private HttpToolkit() {}

    /**
     * A client of {@code api} for the remote system described by {@code settings}, with its own connection pool and
     * token cache; to share them between several clients and streams, use {@link ResilientCalls#client(Class)}.
     */
    public static <T> T client(Class<T> api, HttpSettings settings) {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(settings, "settings");
        return resilient(settings).client(api);
    }

    /** Runs arbitrary calls to the remote system of {@code settings} with the same policies as its clients. */
    public static ResilientCalls resilient(HttpSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new ResilientCalls(new HttpRuntime(settings));
    }
}
