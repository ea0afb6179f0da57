package br.dev.sync.core.spi;

import br.dev.sync.core.Conflict;
import br.dev.sync.core.Resolution;

/**
 * Decides a conflict between a pulled change and a pending local change of the same key. Built-in rules are in
 * {@link br.dev.sync.core.ConflictRules}; a custom rule is a lambda. It must be deterministic and must not block:
 * it runs once per conflict, inside the pull of a page. To reject one record, return a
 * {@link Resolution.Quarantine} with the reason.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ConflictResolver {
    Resolution resolve(Conflict conflict);

    /** True when the rule needs the last synced copy of a record; the store then keeps one for the stream. */
    default boolean needsBaseline() {
        return false;
    }
}
