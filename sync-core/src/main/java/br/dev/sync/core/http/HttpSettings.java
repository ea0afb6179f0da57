package br.dev.sync.core.http;

import br.dev.sync.core.RetrySettings;
import br.dev.sync.core.internal.validation.Validation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Everything the toolkit needs to talk to one remote system: where it is, what it is called in messages, how
 * long to wait, how to retry, when to stop calling it, how to authenticate and how much of an answer to accept.
 * Built with {@link #builder()}; {@link Builder#build()} reports every invalid setting at once in one
 * {@link br.dev.sync.core.ConfigurationException}.
 *
 * <p>Immutable and thread-safe. {@code toString()} never shows a secret.
 */
public final class HttpSettings {
    /** 64 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    @NotNull
    @Pattern(
            regexp = "(?i)https?://[^\\s/?#]+[^\\s?#]*",
            message = "must be an absolute http or https URL without query or fragment")
    private final String baseUrl;

    @NotNull
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}", message = "must be a short name of letters, digits, . _ -")
    private final String remoteName;

    @NotNull
    @DurationMin(millis = 1, message = "must be a positive duration")
    private final Duration connectTimeout;

    @NotNull
    @DurationMin(millis = 1, message = "must be a positive duration")
    private final Duration requestTimeout;

    @NotNull
    private final RetrySettings retry;

    @NotNull
    private final CircuitBreakerSettings circuitBreaker;

    @NotNull
    @Valid
    private final Auth auth;

    private final boolean gzip;

    @Min(1024)
    private final long maxResponseBytes;

    @Min(2)
    @Max(10_000)
    private final int maxJsonNestingDepth;

    @NotBlank
    private final String userAgent;

    private HttpSettings(Builder b) {
        this.baseUrl = b.baseUrl == null ? null : b.baseUrl.replaceAll("/+$", "");
        this.remoteName = b.remoteName;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.retry = b.retry;
        this.circuitBreaker = b.circuitBreaker;
        this.auth = b.auth;
        this.gzip = b.gzip;
        this.maxResponseBytes = b.maxResponseBytes;
        this.maxJsonNestingDepth = b.maxJsonNestingDepth;
        this.userAgent = b.userAgent;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to derive variants. */
    public Builder toBuilder() {
        return new Builder()
                .baseUrl(baseUrl)
                .remoteName(remoteName)
                .connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout)
                .retry(retry)
                .circuitBreaker(circuitBreaker)
                .auth(auth)
                .gzip(gzip)
                .maxResponseBytes(maxResponseBytes)
                .maxJsonNestingDepth(maxJsonNestingDepth)
                .userAgent(userAgent);
    }

    /** The base URL, without a trailing slash; request paths are appended to it. */
    public URI baseUrl() {
        return URI.create(baseUrl);
    }

    /** The remote system's name in messages and logs, and the name its circuit breaker is shared under. */
    public String remoteName() {
        return remoteName;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The most one call may take, a token fetch and reading the answer included. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    public RetrySettings retry() {
        return retry;
    }

    public CircuitBreakerSettings circuitBreaker() {
        return circuitBreaker;
    }

    public Auth auth() {
        return auth;
    }

    /** Whether gzip answers are asked for and decoded. */
    public boolean gzip() {
        return gzip;
    }

    /** The largest answer accepted, counted after decoding; a larger one fails without being retried. */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** The deepest JSON nesting accepted in an answer. */
    public int maxJsonNestingDepth() {
        return maxJsonNestingDepth;
    }

    public String userAgent() {
        return userAgent;
    }

    @Override
    public String toString() {
        return "HttpSettings[remoteName=" + remoteName + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", retry=" + retry + ", circuitBreaker=" + circuitBreaker
                + ", auth=" + auth + ", gzip=" + gzip + ", maxResponseBytes=" + maxResponseBytes
                + ", maxJsonNestingDepth=" + maxJsonNestingDepth + ", userAgent=" + userAgent + "]";
    }

    /**
     * Collects settings; {@link #build()} validates them. Defaults: connect timeout 5 s, request timeout 30 s,
     * {@link RetrySettings#DEFAULT}, {@link CircuitBreakerSettings#DEFAULT}, no authentication, gzip on, answers up
     * to 64 MiB, JSON nesting up to 64 levels.
     *
     * <p>Not thread-safe: use one builder from one thread.
     */
    public static final class Builder {
        private String baseUrl;
        private String remoteName;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetrySettings retry = RetrySettings.DEFAULT;
        private CircuitBreakerSettings circuitBreaker = CircuitBreakerSettings.DEFAULT;
        private Auth auth = Auth.none();
        private boolean gzip = true;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private int maxJsonNestingDepth = 64;
        private String userAgent = "br.dev.sync";

        private Builder() {}

        /** Required: {@code http://} or {@code https://}, e.g. {@code https://portal.example.com/api}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl == null ? null : baseUrl.toString();
            return this;
        }

        /** Required: e.g. {@code "portal-postal"}. */
        public Builder remoteName(String remoteName) {
            this.remoteName = remoteName;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder retry(RetrySettings retry) {
            this.retry = retry;
            return this;
        }

        public Builder circuitBreaker(CircuitBreakerSettings circuitBreaker) {
            this.circuitBreaker = circuitBreaker;
            return this;
        }

        public Builder auth(Auth auth) {
            this.auth = auth;
            return this;
        }

        public Builder gzip(boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        public Builder maxResponseBytes(long maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        public Builder maxJsonNestingDepth(int maxJsonNestingDepth) {
            this.maxJsonNestingDepth = maxJsonNestingDepth;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Validates every setting and returns the immutable settings. */
        public HttpSettings build() {
            HttpSettings settings = new HttpSettings(this);
            String what = "HTTP settings" + (remoteName == null || remoteName.isBlank() ? "" : " for " + remoteName);
            return Validation.requireValid(settings, what);
        }
    }
}
