package br.dev.sync.core;

/**
 * Reads one record from its raw form (usually JSON text). Throwing anything rejects that record alone: it goes to
 * quarantine with the message as its reason.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RecordDecoder<T> {
    T decode(String raw) throws Exception;
}
