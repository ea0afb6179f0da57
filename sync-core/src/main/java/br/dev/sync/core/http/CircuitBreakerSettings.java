package br.dev.sync.core.http;

import br.dev.sync.core.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When calls to a remote system stop being made for a while: after {@code failureThreshold} retryable failures in
 * a row the circuit opens and calls fail fast for {@code openDelay}; then trial calls are let through and
 * {@code successThreshold} successes in a row close it again (one failure opens it again). A
 * {@code failureThreshold} of 0 disables the breaker ({@link #DISABLED}).
 *
 * <p>Answers that retrying cannot fix (a 400, a 404) say nothing about the remote system's health and are not
 * counted as failures.
 *
 * <p>Immutable and thread-safe.
 */
public record CircuitBreakerSettings(int failureThreshold, Duration openDelay, int successThreshold) {
    /** Opens after 5 failures in a row, stays open 30 s, closes after 1 success. */
    public static final CircuitBreakerSettings DEFAULT = new CircuitBreakerSettings(5, Duration.ofSeconds(30), 1);
    /** No circuit breaker: every call reaches the remote system. */
    public static final CircuitBreakerSettings DISABLED = new CircuitBreakerSettings(0, Duration.ofSeconds(1), 1);

    public CircuitBreakerSettings {
        List<String> problems = new ArrayList<>();
        if (failureThreshold < 0) {
            problems.add("failureThreshold: must be 0 (disabled) or more (was " + failureThreshold + ")");
        }
        if (openDelay == null || openDelay.isNegative() || openDelay.isZero()) {
            problems.add("openDelay: must be a positive duration (was " + openDelay + ")");
        }
        if (successThreshold < 1) {
            problems.add("successThreshold: must be at least 1 (was " + successThreshold + ")");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("circuit breaker settings", problems);
        }
        Objects.requireNonNull(openDelay);
    }

    /** Whether a breaker is used at all. */
    public boolean enabled() {
        return failureThreshold > 0;
    }
}
