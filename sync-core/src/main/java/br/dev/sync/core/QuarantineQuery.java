package br.dev.sync.core;

/**
 * Which quarantined records to list: a stream (or null for all), a stage (or null for all), at most
 * {@code limit}, oldest first, after the id {@code afterId} (0 for the start) so long lists can be paged.
 *
 * <p>Immutable and thread-safe.
 */
public record QuarantineQuery(String stream, QuarantineStage stage, long afterId, int limit) {
    public QuarantineQuery {
        if (limit <= 0) {
            limit = 100;
        }
    }

    public static QuarantineQuery all() {
        return new QuarantineQuery(null, null, 0, 1000);
    }

    public static QuarantineQuery stream(String stream) {
        return new QuarantineQuery(stream, null, 0, 1000);
    }

    public boolean matches(QuarantineEntry e) {
        return (stream == null || stream.equals(e.stream()))
                && (stage == null || stage == e.stage())
                && e.id() > afterId;
    }
}
