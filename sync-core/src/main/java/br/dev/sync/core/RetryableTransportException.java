package br.dev.sync.core;

import java.time.Duration;

/**
 * A remote call failed in a way that may pass on a later try: an I/O error, a timeout, a 5xx, 408 or 429 answer.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class RetryableTransportException extends RetryableSyncException {
    private final int status;

    public RetryableTransportException(String message, int status, Throwable cause, Duration retryAfter) {
        super(message, cause, retryAfter);
        this.status = status;
    }

    /** The HTTP status of the answer, or -1 for an I/O failure or a timeout. */
    public int status() {
        return status;
    }
}
