package br.dev.sync.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed remote call or store apply is tried again: at most {@code maxAttempts} tries in all, waiting
 * {@code initialDelay} after the first failure and doubling up to {@code maxDelay}, each wait varied by up to
 * {@code jitter} (a fraction, 0 to 1) so that many nodes do not retry in step. Only {@link RetryableSyncException}
 * is retried; a wait the remote side asked for (Retry-After) is honoured when it is longer.
 *
 * <p>Immutable and thread-safe.
 */
public record RetrySettings(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter) {
    /** Five tries, 200 ms doubling up to 10 s, 25% jitter. */
    public static final RetrySettings DEFAULT =
            new RetrySettings(5, Duration.ofMillis(200), Duration.ofSeconds(10), 0.25);
    /** One try: no retry at all. */
    public static final RetrySettings NONE = new RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(1), 0);

    public RetrySettings {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new ConfigurationException(
                    "retry settings", java.util.List.of("maxAttempts: must be at least 1 (was " + maxAttempts + ")"));
        }
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new ConfigurationException(
                    "retry settings",
                    java.util.List.of(
                            "delays: need 0 < initialDelay <= maxDelay (were " + initialDelay + ", " + maxDelay + ")"));
        }
        if (jitter < 0 || jitter > 1) {
            throw new ConfigurationException(
                    "retry settings", java.util.List.of("jitter: must be between 0 and 1 (was " + jitter + ")"));
        }
    }
}
