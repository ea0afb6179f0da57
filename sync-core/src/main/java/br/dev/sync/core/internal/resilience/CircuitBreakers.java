package br.dev.sync.core.internal.resilience;

import dev.failsafe.CircuitBreaker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit breaker per remote system (and breaker settings), shared by every client and call of that remote
 * in the process, so that a failing system is recognised whichever client sees the failures. Thread-safe.
 */
public final class CircuitBreakers {
    private static final Map<Key, CircuitBreaker<Object>> SHARED = new ConcurrentHashMap<>();

    private record Key(String remoteName, int failureThreshold, Duration openDelay, int successThreshold) {}

    private CircuitBreakers() {}

    /** The breaker shared under {@code remoteName} with these settings, created on first use. */
    public static CircuitBreaker<Object> forRemote(
            String remoteName, int failureThreshold, Duration openDelay, int successThreshold) {
        Key key = new Key(remoteName, failureThreshold, openDelay, successThreshold);
        return SHARED.computeIfAbsent(
                key, k -> Policies.circuitBreaker(remoteName, failureThreshold, openDelay, successThreshold));
    }
}
