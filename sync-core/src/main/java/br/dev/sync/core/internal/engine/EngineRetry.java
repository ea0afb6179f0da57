package br.dev.sync.core.internal.engine;

import br.dev.sync.core.RetrySettings;
import br.dev.sync.core.SyncException;
import br.dev.sync.core.internal.resilience.Policies;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.util.function.Supplier;

/** Runs an engine call (a fetch, a push, an apply) with the engine's retry settings. */
public final class EngineRetry {
    private final RetryPolicy<Object> policy;

    public EngineRetry(RetrySettings settings) {
        this.policy = Policies.retry(settings);
    }

    public <T> T call(Supplier<T> call) {
        try {
            return Failsafe.with(policy).get(call::get);
        } catch (FailsafeException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SyncException se) {
                throw se;
            }
            throw new SyncException("call failed: " + cause, cause);
        }
    }
}
