package br.dev.sync.core;

import java.util.Map;
import java.util.Objects;

/**
 * What a conflict rule decided. A closed set.
 *
 * <ul>
 *   <li>{@link TakeRemote}: the pulled change is applied and the pending local change is dropped.
 *   <li>{@link KeepLocal}: the pulled change is not applied; the local change stays pending and will be pushed.
 *   <li>{@link Merged}: the merged fields are applied locally and replace the pending local change, which is pushed.
 *   <li>{@link Quarantine}: a person decides; the pulled change is quarantined (retrying it applies it, deleting
 *       it keeps the local change).
 * </ul>
 *
 * <p>All cases are immutable and thread-safe.
 */
public sealed interface Resolution {
    /** A short word for reports and events. */
    String outcome();

    record TakeRemote() implements Resolution {
        public String outcome() {
            return "remote kept";
        }
    }

    record KeepLocal() implements Resolution {
        public String outcome() {
            return "local kept";
        }
    }

    record Merged(Map<String, Object> fields) implements Resolution {
        public Merged {
            Objects.requireNonNull(fields, "fields");
        }

        public String outcome() {
            return "merged";
        }
    }

    record Quarantine(String reason) implements Resolution {
        public Quarantine {
            Objects.requireNonNull(reason, "reason");
        }

        public String outcome() {
            return "quarantined";
        }
    }

    static Resolution takeRemote() {
        return new TakeRemote();
    }

    static Resolution keepLocal() {
        return new KeepLocal();
    }
}
