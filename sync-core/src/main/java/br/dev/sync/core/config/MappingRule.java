package br.dev.sync.core.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a stream lands: a table ({@code table} or {@code schema.table}) and, optionally, columns renamed from the
 * stream's field names. Identifiers are letters, digits and underscores, not starting with a digit, at most 63
 * characters: they are used in SQL, so nothing else is allowed.
 *
 * <p>Immutable and thread-safe.
 */
public record MappingRule(
        @NotNull @Pattern(regexp = TABLE, message = "must be an identifier or schema.table (" + HINT + ")")
        String table,

        @NotNull
        Map<
                        @Pattern(regexp = IDENTIFIER, message = "must be an identifier (" + HINT + ")") String,
                        @NotNull @Pattern(regexp = IDENTIFIER, message = "must be an identifier (" + HINT + ")") String>
                columns) {
    static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]{0,62}";
    static final String TABLE = "(" + IDENTIFIER + "\\.)?" + IDENTIFIER;
    static final String HINT = "letters, digits, _; not starting with a digit; at most 63";

    public MappingRule {
        columns = columns == null ? null : Collections.unmodifiableMap(new TreeMap<>(columns));
    }

    /** A table with the stream's field names as column names. */
    public static MappingRule table(String table) {
        return new MappingRule(table, Map.of());
    }
}
