package br.dev.sync.core;

import java.util.Optional;

/**
 * Applying a page waited longer than the lock timeout for a row another database session holds. Nothing of the
 * page was committed; the same page can be applied once the other session ends. Where the database can tell,
 * {@link #blocker()} describes the blocking session (its id, user, application and what it runs) so an operator
 * can end it.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class LockTimeoutException extends RetryableSyncException {
    private final String blocker;

    public LockTimeoutException(String message, String blocker, Throwable cause) {
        super(message, cause);
        this.blocker = blocker;
    }

    /** A description of the blocking session, when the database could name it. */
    public Optional<String> blocker() {
        return Optional.ofNullable(blocker);
    }
}
