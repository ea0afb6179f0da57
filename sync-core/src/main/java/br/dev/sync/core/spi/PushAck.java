package br.dev.sync.core.spi;

import java.util.Objects;

/**
 * The remote side's answer for one pushed record, by the outbox entry's sequence.
 *
 * <p>Immutable and thread-safe.
 */
public record PushAck(long sequence, Status status, String reason) {
    public enum Status {
        /** Taken now. */
        ACCEPTED,
        /** Already had it (a resent batch): done, nothing changed. */
        DUPLICATE,
        /** Refused, for {@code reason}: the record goes to quarantine. */
        REJECTED
    }

    public PushAck {
        Objects.requireNonNull(status, "status");
        if (status == Status.REJECTED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejected record needs a reason (sequence " + sequence + ")");
        }
    }

    public static PushAck accepted(long sequence) {
        return new PushAck(sequence, Status.ACCEPTED, null);
    }

    public static PushAck duplicate(long sequence) {
        return new PushAck(sequence, Status.DUPLICATE, null);
    }

    public static PushAck rejected(long sequence, String reason) {
        return new PushAck(sequence, Status.REJECTED, reason);
    }
}
