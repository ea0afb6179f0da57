package br.dev.sync.core;

/**
 * A remote call failed in a way that retrying will not fix: a 4xx answer other than 408 and 429, a broken or
 * oversized answer, refused credentials. The message names the remote system, the stream and what to check.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class TransportException extends SyncException {
    private final int status;

    public TransportException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public TransportException(String message, Throwable cause) {
        this(message, -1, cause);
    }

    /** The HTTP status of the answer, or -1 when the failure was not an HTTP answer. */
    public int status() {
        return status;
    }
}
