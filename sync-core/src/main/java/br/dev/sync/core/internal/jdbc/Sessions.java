package br.dev.sync.core.internal.jdbc;

/** Small helpers for describing database sessions. */
final class Sessions {
    private Sessions() {}

    /** The first 120 characters of a statement on one line, or "none". */
    static String shorten(String statement) {
        if (statement == null || statement.isBlank()) {
            return "none";
        }
        String line = statement.replaceAll("\\s+", " ").trim();
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
