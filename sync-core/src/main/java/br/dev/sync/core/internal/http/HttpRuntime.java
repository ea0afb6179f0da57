package br.dev.sync.core.internal.http;

import br.dev.sync.core.RetryableTransportException;
import br.dev.sync.core.SyncException;
import br.dev.sync.core.TransportException;
import br.dev.sync.core.http.Auth;
import br.dev.sync.core.http.CircuitBreakerSettings;
import br.dev.sync.core.http.HttpSettings;
import br.dev.sync.core.internal.json.Json;
import br.dev.sync.core.internal.resilience.CircuitBreakers;
import br.dev.sync.core.internal.resilience.Policies;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Everything calls to one remote system share: its settings, secrets, JSON mapper, {@code java.net.http} client,
 * token cache, circuit breaker and Failsafe executor. Thread-safe.
 */
public final class HttpRuntime {
    private final HttpSettings settings;
    private final Secrets secrets;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final TokenSource tokens;
    private final CircuitBreaker<Object> breaker;
    private final FailsafeExecutor<Object> executor;

    public HttpRuntime(HttpSettings settings) {
        this.settings = settings;
        this.secrets = Secrets.of(settings.auth());
        this.mapper = Json.create(settings.maxJsonNestingDepth(), Json.MAX_STRING_LENGTH);
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(
                        "https".equalsIgnoreCase(settings.baseUrl().getScheme())
                                ? HttpClient.Version.HTTP_2
                                : HttpClient.Version.HTTP_1_1)
                .build();
        this.tokens = settings.auth() instanceof Auth.TokenEndpoint endpoint
                ? new TokenSource(settings, endpoint, http, mapper, secrets, Clock.systemUTC())
                : null;
        CircuitBreakerSettings cb = settings.circuitBreaker();
        this.breaker = cb.enabled()
                ? CircuitBreakers.forRemote(
                        settings.remoteName(), cb.failureThreshold(), cb.openDelay(), cb.successThreshold())
                : null;
        this.executor = Policies.executor(settings.remoteName(), settings.retry(), breaker, settings.requestTimeout());
    }

    public HttpSettings settings() {
        return settings;
    }

    Secrets secrets() {
        return secrets;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    HttpClient http() {
        return http;
    }

    TokenSource tokens() {
        return tokens;
    }

    /**
     * Runs {@code call} under the remote's timeout, retry and circuit breaker. Every failure comes out as a
     * {@link SyncException}; an open circuit as a {@link RetryableTransportException} saying when it is tried again.
     */
    public <T> T call(String what, Supplier<T> call) {
        try {
            return executor.get(call::get);
        } catch (CircuitBreakerOpenException e) {
            throw circuitOpen(what);
        } catch (SyncException e) {
            throw e;
        } catch (FailsafeException e) {
            SyncException inside = Failures.findSync(e);
            throw inside != null ? inside : unexpected(what, e);
        }
    }

    /**
     * Runs {@code call}; when it is answered 401 and the token came from a token endpoint, fetches a fresh token
     * once and runs it once more. A second 401 means the credentials themselves are refused.
     */
    <T> T withFreshTokenOn401(Supplier<T> call) {
        if (tokens == null) {
            return call.get();
        }
        String used = tokens.token();
        try {
            return call.get();
        } catch (TransportException e) {
            if (e.status() != 401) {
                throw e;
            }
            tokens.invalidate(used);
        }
        try {
            return call.get();
        } catch (TransportException e) {
            throw e.status() == 401 ? refusedTwice() : e;
        }
    }

    private TransportException refusedTwice() {
        return new TransportException(
                settings.remoteName() + " refused the credentials (401) also with a token just obtained from "
                        + tokens.describe() + ". Check the login and password in the auth settings, that the user is "
                        + "enabled and allowed to call this API on " + settings.remoteName() + ".",
                401,
                null);
    }

    private RetryableTransportException circuitOpen(String what) {
        Duration wait = breaker == null ? Duration.ZERO : breaker.getRemainingDelay();
        Instant next = Instant.now().plus(wait).truncatedTo(ChronoUnit.SECONDS);
        return new RetryableTransportException(
                settings.remoteName() + " was not called for " + what + ": after repeated failures its circuit "
                        + "breaker is open and calls fail fast until " + next + " (in " + Policies.describe(wait)
                        + "). Check that " + settings.remoteName() + " is up; the sync can be run again then.",
                -1,
                null,
                wait);
    }

    private TransportException unexpected(String what, Throwable e) {
        return new TransportException(
                "Calling " + settings.remoteName() + " for " + what + " failed unexpectedly ("
                        + e.getClass().getSimpleName() + "): " + secrets.scrub(String.valueOf(e.getMessage())),
                -1,
                null);
    }
}
