package br.dev.sync.core.config;

import jakarta.validation.constraints.NotBlank;

/**
 * The user and secret (password or token) used to reach the origin. {@link #toString()} never shows the secret, and
 * neither do validation messages.
 *
 * <p>Immutable and thread-safe.
 */
public record Credentials(@NotBlank String user, @NotBlank String secret) {
    @Override
    public String toString() {
        return "Credentials[user=" + user + ", secret=****]";
    }
}
