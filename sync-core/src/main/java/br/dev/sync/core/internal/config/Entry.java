package br.dev.sync.core.internal.config;

/**
 * One setting as read from a file: its dotted key, its text, and the line it is on (0 when the format has none). A
 * YAML list arrives as its items joined by commas, marked {@code list}.
 */
record Entry(String key, String value, int line, boolean list) {
    static Entry of(String key, String value) {
        return new Entry(key, value, 0, false);
    }

    /** " (line 12)", or nothing when the line is not known. */
    String where() {
        return line > 0 ? " (line " + line + ")" : "";
    }
}
