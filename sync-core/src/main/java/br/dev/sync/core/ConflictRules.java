package br.dev.sync.core;

import br.dev.sync.core.spi.ConflictResolver;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The built-in conflict rules. Each is deterministic, so every node that sees the same two changes reaches the
 * same result (convergence).
 *
 * <p>Stateless and thread-safe.
 */
public final class ConflictRules {
    private ConflictRules() {}

    /** The remote side's change is kept; the pending local one is dropped. */
    public static ConflictResolver serverWins() {
        return c -> Resolution.takeRemote();
    }

    /** The local change is kept and will be pushed; the pulled one is ignored. */
    public static ConflictResolver clientWins() {
        return c -> Resolution.keepLocal();
    }

    /**
     * The higher version wins; on equal versions the change whose origin node id sorts last wins (so both sides
     * agree without talking).
     */
    public static ConflictResolver newestWins() {
        return c -> remoteIsNewer(c.local(), c.remote()) ? Resolution.takeRemote() : Resolution.keepLocal();
    }

    /**
     * Three-way merge against the last synced copy: a field changed on one side only takes that side's value; a
     * field changed on both sides to different values takes the newer side's (as {@link #newestWins()}). Without
     * a last synced copy, or when either side deletes, it behaves as {@link #newestWins()}.
     */
    public static ConflictResolver mergeFields() {
        return new ConflictResolver() {
            @Override
            public Resolution resolve(Conflict c) {
                if (c.base() == null || c.local().isDelete() || c.remote().isDelete()) {
                    return newestWins().resolve(c);
                }
                return new Resolution.Merged(merge(c.base(), c.local(), c.remote()));
            }

            @Override
            public boolean needsBaseline() {
                return true;
            }
        };
    }

    /** Every conflict goes to quarantine for a person to decide. */
    public static ConflictResolver manual() {
        return c -> new Resolution.Quarantine("conflict with a pending local change of " + c.stream() + " key "
                + c.key() + " (local version " + c.local().version() + ", remote version "
                + c.remote().version()
                + "): retry this entry to take the remote change, delete it to keep the local one");
    }

    static boolean remoteIsNewer(Change local, Change remote) {
        if (remote.version() != local.version()) {
            return remote.version() > local.version();
        }
        return remote.origin().compareTo(local.origin()) > 0;
    }

    static Map<String, Object> merge(Map<String, Object> base, Change local, Change remote) {
        boolean remoteNewer = remoteIsNewer(local, remote);
        Set<String> names = new LinkedHashSet<>(base.keySet());
        names.addAll(local.fields().keySet());
        names.addAll(remote.fields().keySet());
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String name : names) {
            Object b = base.get(name);
            Object l = local.fields().get(name);
            Object r = remote.fields().get(name);
            if (sameValue(l, b)) {
                merged.put(name, r);
            } else if (sameValue(r, b) || sameValue(l, r)) {
                merged.put(name, l);
            } else {
                merged.put(name, remoteNewer ? r : l);
            }
        }
        return merged;
    }

    /** Equality that survives a trip through a store: 10.5 equals 10.50, and 7 equals "7" text of the same value. */
    public static boolean sameValue(Object a, Object b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Number && b instanceof Number) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return a.getClass() != b.getClass() && a.toString().equals(b.toString());
    }
}
