package br.dev.sync.core.internal.http;

import br.dev.sync.core.http.Auth;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads when a token expires from a token endpoint's answer. Stateless and thread-safe. */
final class TokenExpiry {
    private static final long EPOCH_SECONDS_FROM = 1_000_000_000L;

    private TokenExpiry() {}

    /** The expiry named by the endpoint's expiry field, else {@code now} plus the default lifetime. */
    static Instant read(JsonNode answer, Auth.TokenEndpoint endpoint, Instant now) {
        Instant fallback = now.plus(endpoint.defaultLifetime());
        if (endpoint.expiresAtField() == null) {
            return fallback;
        }
        JsonNode value = answer.path(endpoint.expiresAtField());
        Instant read = value.isNumber() ? fromNumber(value.asLong(), now) : fromText(value.asText(""), answer);
        return read == null || !read.isAfter(now) ? fallback : read;
    }

    private static Instant fromNumber(long n, Instant now) {
        return n >= EPOCH_SECONDS_FROM ? Instant.ofEpochSecond(n) : now.plusSeconds(n);
    }

    private static Instant fromText(String text, JsonNode answer) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone(answer)).toInstant();
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    private static ZoneId zone(JsonNode answer) {
        String offset = answer.path("zoneOffset").asText("");
        try {
            return offset.isBlank() ? ZoneId.systemDefault() : ZoneOffset.of(offset);
        } catch (RuntimeException e) {
            return ZoneId.systemDefault();
        }
    }
}
