package br.dev.sync.portal.model;

import java.time.Instant;

/** What every Portal Postal record has: the server's update time, which is also its version. */
public interface PortalRecord {
    /** When the server last changed the record (atualizadoEm). */
    Instant updatedAt();

    /** The version the engine compares: the update time in epoch milliseconds. */
    default long version() {
        return updatedAt().toEpochMilli();
    }
}
