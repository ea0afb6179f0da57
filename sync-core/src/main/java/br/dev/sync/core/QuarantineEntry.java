package br.dev.sync.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A record kept aside with its raw form and the reason it was not taken (the "rejected files" of every system).
 * Nothing is lost: it stays until it is retried successfully or deleted by a person.
 *
 * @param id assigned by the store; 0 before it is stored
 * @param key the record's key when it could be read, else null
 * @param partition the partition it came from ("" for none)
 * @param raw the record as received (pulled) or sent (pushed), text
 * @param version the record's version when known, else 0
 * @param attempts how many times it was tried (1 when first quarantined)
 *
 * <p>Immutable and thread-safe.
 */
public record QuarantineEntry(
        long id,
        String stream,
        String key,
        String partition,
        QuarantineStage stage,
        String reason,
        String raw,
        long version,
        int attempts,
        Instant firstSeen,
        Instant lastAttempt) {
    public QuarantineEntry {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(raw, "raw");
        partition = partition == null ? "" : partition;
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
    }

    public static QuarantineEntry of(
            String stream,
            String key,
            String partition,
            QuarantineStage stage,
            String reason,
            String raw,
            long version,
            Instant now) {
        return new QuarantineEntry(0, stream, key, partition, stage, reason, raw, version, 1, now, now);
    }

    public QuarantineEntry withId(long newId) {
        return new QuarantineEntry(
                newId, stream, key, partition, stage, reason, raw, version, attempts, firstSeen, lastAttempt);
    }

    /**
     * Whether {@code other} is the same record failing at the same stage again (a re-read page, a resent batch):
     * same stream, stage and partition, and the same key and version when the key is known, else the same raw
     * text. A store keeps one entry for it and counts the attempt instead of adding a second entry.
     */
    public boolean sameRecordAs(QuarantineEntry other) {
        if (!stream.equals(other.stream) || stage != other.stage || !partition.equals(other.partition)) {
            return false;
        }
        if (key != null && other.key != null) {
            return key.equals(other.key) && version == other.version;
        }
        return key == null && other.key == null && raw.equals(other.raw);
    }

    /** This entry after one more failed try, with the new reason. */
    public QuarantineEntry failedAgain(String newReason, Instant at) {
        return new QuarantineEntry(
                id, stream, key, partition, stage, newReason, raw, version, attempts + 1, firstSeen, at);
    }
}
