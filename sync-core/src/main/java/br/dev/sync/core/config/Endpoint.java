package br.dev.sync.core.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;

/**
 * One side of a sync: a name for people ("Matriz", "Loja 01") and where it is, an {@code http(s)://} URL or a
 * {@code jdbc:} URL. Checked when the {@link SyncConfiguration} holding it is built.
 *
 * <p>Immutable and thread-safe.
 */
public record Endpoint(
        @NotBlank String name,

        @NotBlank
        @Pattern(
                regexp = "(?i)(https?://[^\\s/]+\\S*|jdbc:[a-z0-9]+:\\S+)",
                message = "must be an http(s):// or jdbc: URL")
        String url) {
    /** Whether {@link #url()} is a JDBC URL rather than a web address. */
    public boolean isJdbc() {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:");
    }
}
