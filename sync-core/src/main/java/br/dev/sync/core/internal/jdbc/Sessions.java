package br.dev.sync.core.internal.jdbc;

/** Small helpers for describing database sessions. */
final class Sessions {
    private Sessions() {}

    /**
     * The first 120 characters of another session's statement on one line, with its quoted literals masked (they
     * may hold a host's values, even secrets), or "none".
     */
    static String shorten(String statement) {
        if (statement == null || statement.isBlank()) {
            return "none";
        }
        String line = statement
                .replaceAll("'(?:[^']|'')*'", "'?'")
                .replaceAll("\\s+", " ")
                .trim();
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
