package br.dev.sync.core.http;

import br.dev.sync.core.internal.http.FeignClients;
import br.dev.sync.core.internal.http.HttpRuntime;
import br.dev.sync.core.internal.http.RawGet;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs calls to one remote system under its timeout, retry and circuit-breaker settings: any call with
 * {@link #call(String, Supplier)}, a streaming GET with {@link #openStream(String)}, and Feign clients with
 * {@link #client(Class)}, all sharing one connection pool and token cache. Obtained from
 * {@link HttpToolkit#resilient(HttpSettings)}.
 *
 * <p>Thread-safe: keep one per remote system and share it.
 */
public final class ResilientCalls {
    private final HttpRuntime runtime;

    ResilientCalls(HttpRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Runs {@code call}, retrying it when it throws a {@link br.dev.sync.core.RetryableSyncException}, within the
     * per-call timeout (the call's thread is interrupted when it runs out) and behind the remote's circuit breaker.
     * {@code what} names the call in messages, e.g. {@code "GET /clients"}.
     */
    public <T> T call(String what, Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        return runtime.call(Objects.requireNonNull(what, "what"), call);
    }

    /**
     * Opens {@code GET} of {@code pathAndQuery} (relative to the base URL) with the configured authentication and
     * returns the answer's body as a stream, gzip decoded and bounded by the response size limit, for answers too
     * big to hold in memory. Opening is retried like any call; reading is not. The caller closes the stream.
     */
    public InputStream openStream(String pathAndQuery) {
        return RawGet.open(runtime, Objects.requireNonNull(pathAndQuery, "pathAndQuery"));
    }

    /**
     * A client of {@code api} like {@link HttpToolkit#client(Class, HttpSettings)}, sharing this object's
     * connection pool and token cache, so a provider's clients and streams of one remote log in once.
     */
    public <T> T client(Class<T> api) {
        Objects.requireNonNull(api, "api");
        if (!api.isInterface()) {
            throw new IllegalArgumentException(api.getName() + " must be an interface annotated for Feign");
        }
        return FeignClients.create(api, runtime);
    }

    /** The settings these calls run with. */
    public HttpSettings settings() {
        return runtime.settings();
    }
}
