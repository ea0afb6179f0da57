package br.dev.sync.core;

/**
 * Root of every failure the SDK reports. Unchecked: a sync failure is rarely something the calling line can
 * fix, and the subclasses say what kind of failure it is and what to do next.
 *
 * <p>Whether a failure may be retried is a type: {@link RetryableSyncException}. Messages name the stream,
 * record or node involved and never carry a secret.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class SyncException extends RuntimeException {
    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
