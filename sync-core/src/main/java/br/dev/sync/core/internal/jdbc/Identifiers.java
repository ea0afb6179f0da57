package br.dev.sync.core.internal.jdbc;

import java.util.regex.Pattern;

/**
 * The only identifiers the JDBC store accepts from configuration: a letter or underscore, then letters, digits or
 * underscores, 63 characters at most, optionally qualified once by a schema ({@code schema.table}). Anything else
 * is refused before it reaches SQL, and accepted names are still quoted by the dialect.
 */
public final class Identifiers {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Identifiers() {}

    public static boolean isName(String s) {
        return s != null && NAME.matcher(s).matches();
    }

    /** A name, or a schema and a name separated by one dot. */
    public static boolean isQualifiedName(String s) {
        if (s == null) {
            return false;
        }
        int dot = s.indexOf('.');
        return dot < 0 ? isName(s) : isName(s.substring(0, dot)) && isName(s.substring(dot + 1));
    }

    /** Describes a refused identifier without echoing more of it than needed to find it. */
    public static String describe(String setting, String value) {
        String shown =
                value == null ? "null" : "'" + (value.length() > 80 ? value.substring(0, 80) + "..." : value) + "'";
        return setting + " " + shown + " is not a valid SQL identifier (letters, digits and _, not starting with a"
                + " digit, at most 63 characters" + (setting.contains("table") ? ", optionally schema.table" : "")
                + ")";
    }
}
