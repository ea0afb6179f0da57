package br.dev.sync.core;

/**
 * The local store could not do what was asked (a constraint, a missing table, a broken connection). Nothing of
 * the failed transaction was committed. The message names the stream and the store operation.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class StoreException extends SyncException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
