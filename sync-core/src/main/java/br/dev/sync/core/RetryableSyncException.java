package br.dev.sync.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that may succeed if the same call is made again later (an I/O error, a 5xx answer, a 408 or a 429,
 * a lock timeout). The retry policies of the SDK retry exactly this type; when the remote side said how long to
 * wait ({@code Retry-After}) it is carried here and honoured.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class RetryableSyncException extends SyncException {
    private final Duration retryAfter;

    public RetryableSyncException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public RetryableSyncException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the remote side asked the caller to wait before trying again, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
