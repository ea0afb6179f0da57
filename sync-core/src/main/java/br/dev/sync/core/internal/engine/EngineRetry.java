package br.dev.sync.core.internal.engine;

import br.dev.sync.core.RetrySettings;
import br.dev.sync.core.RetryableSyncException;
import br.dev.sync.core.SyncException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.function.Supplier;

/** Runs an engine call (a fetch, a push, an apply) with the engine's retry settings. */
public final class EngineRetry {
    private final RetryPolicy<Object> policy;

    public EngineRetry(RetrySettings settings) {
        var builder =
                RetryPolicy.builder().handle(RetryableSyncException.class).withMaxAttempts(settings.maxAttempts());
        if (settings.maxDelay().compareTo(settings.initialDelay()) > 0) {
            builder.withBackoff(settings.initialDelay(), settings.maxDelay());
        } else {
            builder.withDelay(settings.initialDelay());
        }
        this.policy = builder.withJitter(settings.jitter())
                .withDelayFnOn(
                        ctx -> ((RetryableSyncException) ctx.getLastException())
                                .retryAfter()
                                .orElse(Duration.ofNanos(-1)),
                        RetryableSyncException.class)
                .build();
    }

    @SuppressWarnings("unchecked")
    public <T> T call(Supplier<T> call) {
        try {
            return (T) Failsafe.with(policy).get(call::get);
        } catch (FailsafeException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SyncException se) {
                throw se;
            }
            throw new SyncException("call failed: " + cause, cause);
        }
    }
}
