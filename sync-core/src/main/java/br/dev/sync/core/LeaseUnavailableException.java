package br.dev.sync.core;

/**
 * A plan could not start because another run of it holds the lease (in this process or another one sharing the
 * store). The other run is not disturbed; try again after it ends or after its lease expires.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class LeaseUnavailableException extends SyncException {
    public LeaseUnavailableException(String message) {
        super(message);
    }
}
