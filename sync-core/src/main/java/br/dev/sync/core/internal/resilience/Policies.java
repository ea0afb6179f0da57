package br.dev.sync.core.internal.resilience;

import br.dev.sync.core.RetrySettings;
import br.dev.sync.core.RetryableSyncException;
import br.dev.sync.core.RetryableTransportException;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Fallback;
import dev.failsafe.Policy;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the SDK's settings onto Failsafe policies. {@link #retry(RetrySettings)} stands on its own for any call
 * that fails with {@link RetryableSyncException}; {@link #executor} composes retry, circuit breaker and timeout for
 * one remote system, in that order from the outside in, so each try counts for the breaker and each try has its
 * own timeout. Stateless and thread-safe; so are the policies it returns.
 */
public final class Policies {
    /** The longest wait a Retry-After may impose on one retry, whatever the remote side asks. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(Policies.class);

    private Policies() {}

    /**
     * Retries {@link RetryableSyncException} only, at most {@code maxAttempts} tries in all, waiting
     * {@link #delay} between them.
     */
    public static <R> RetryPolicy<R> retry(RetrySettings settings) {
        return RetryPolicy.<R>builder()
                .handle(RetryableSyncException.class)
                .withMaxAttempts(settings.maxAttempts())
                .withDelayFn(ctx -> delay(settings, ctx.getAttemptCount(), ctx.getLastException()))
                .onRetry(e -> LOG.debug(
                        "Try {} failed, trying again: {}",
                        e.getAttemptCount(),
                        e.getLastException().getMessage()))
                .build();
    }

    /**
     * The wait after failed try number {@code failedAttempts} (1 for the first): {@code initialDelay} doubled
     * per further try up to {@code maxDelay}, varied by up to {@code jitter}, and at least the Retry-After the
     * failure carries (capped at {@link #MAX_RETRY_AFTER} or {@code maxDelay}, whichever is longer).
     */
    public static Duration delay(RetrySettings settings, int failedAttempts, Throwable failure) {
        long base = settings.initialDelay().toNanos();
        long max = settings.maxDelay().toNanos();
        for (int i = 1; i < failedAttempts && base < max; i++) {
            base = Math.min(max, base * 2);
        }
        double spread = settings.jitter() * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        long computed = Math.max(0, Math.min(max, (long) (base * (1 + spread))));
        long asked = retryAfter(failure).toNanos();
        long cap = Math.max(max, MAX_RETRY_AFTER.toNanos());
        return Duration.ofNanos(Math.max(computed, Math.min(asked, cap)));
    }

    private static Duration retryAfter(Throwable failure) {
        if (failure instanceof RetryableSyncException retryable) {
            return retryable.retryAfter().orElse(Duration.ZERO);
        }
        return Duration.ZERO;
    }

    /**
     * Opens after {@code failureThreshold} {@link RetryableSyncException}s in a row, for {@code openDelay}; then
     * {@code successThreshold} successful trial calls close it.
     */
    public static <R> CircuitBreaker<R> circuitBreaker(
            String remoteName, int failureThreshold, Duration openDelay, int successThreshold) {
        return CircuitBreaker.<R>builder()
                .handle(RetryableSyncException.class)
                .withFailureThreshold(failureThreshold)
                .withDelay(openDelay)
                .withSuccessThreshold(successThreshold)
                .onOpen(e -> LOG.warn(
                        "Circuit breaker for {} opened: calls fail fast for {}", remoteName, describe(openDelay)))
                .onHalfOpen(e -> LOG.info("Circuit breaker for {} half-open: trying calls again", remoteName))
                .onClose(e -> LOG.info("Circuit breaker for {} closed: {} answers again", remoteName, remoteName))
                .build();
    }

    /**
     * A timeout for one try that interrupts it, turned into a {@link RetryableTransportException} (status -1)
     * naming {@code remoteName} so the retry policy can retry it.
     */
    public static <R> List<Policy<R>> timeout(String remoteName, Duration timeout) {
        Fallback<R> asRetryable = Fallback.<R>builderOfException(e -> new RetryableTransportException(
                        remoteName + " did not answer in time (within " + describe(timeout) + ")"
                                + "; the call is tried again within the retry settings. Check that " + remoteName
                                + " is up and reachable, or raise requestTimeout",
                        -1,
                        e.getLastException(),
                        null))
                .handle(TimeoutExceededException.class)
                .build();
        return List.of(asRetryable, Timeout.<R>builder(timeout).withInterrupt().build());
    }

    /**
     * Retry, then the circuit breaker when given (may be null), then the per-try timeout.
     */
    public static <R> FailsafeExecutor<R> executor(
            String remoteName, RetrySettings retry, CircuitBreaker<R> breaker, Duration timeout) {
        List<Policy<R>> policies = new ArrayList<>();
        policies.add(retry(retry));
        if (breaker != null) {
            policies.add(breaker);
        }
        policies.addAll(timeout(remoteName, timeout));
        return Failsafe.with(policies);
    }

    /** A duration as people read it: "250 ms", "30 s". */
    public static String describe(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000 || millis % 1000 != 0) {
            return millis + " ms";
        }
        return (millis / 1000) + " s";
    }
}
