package br.dev.sync.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.http.Auth;
import br.dev.sync.core.internal.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Auth.TokenEndpoint CWS = Auth.tokenEndpoint(
                    "/token", Map.of(), "token", Duration.ofMinutes(30))
            .expiresAt("expiraEm");

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void reads_a_local_date_time_with_the_answers_zone_offset_as_correios_sends_it() throws Exception {
        JsonNode answer = json("{\"token\":\"t\",\"expiraEm\":\"2026-11-22T10:00:00\",\"zoneOffset\":\"-03:00\"}");

        assertThat(TokenExpiry.read(answer, CWS, NOW)).isEqualTo(Instant.parse("2026-11-22T13:00:00Z"));
    }

    @Test
    void reads_offset_date_times_and_seconds_from_now() throws Exception {
        assertThat(TokenExpiry.read(json("{\"expiraEm\":\"2026-11-22T12:30:00Z\"}"), CWS, NOW))
                .isEqualTo(Instant.parse("2026-11-22T12:30:00Z"));
        assertThat(TokenExpiry.read(json("{\"expiraEm\":7200}"), CWS, NOW)).isEqualTo(NOW.plusSeconds(7200));
    }

    @Test
    void falls_back_to_the_default_lifetime_when_missing_unreadable_or_past() throws Exception {
        Instant fallback = NOW.plus(Duration.ofMinutes(30));

        assertThat(TokenExpiry.read(json("{}"), CWS, NOW)).isEqualTo(fallback);
        assertThat(TokenExpiry.read(json("{\"expiraEm\":\"amanha\"}"), CWS, NOW))
                .isEqualTo(fallback);
        assertThat(TokenExpiry.read(json("{\"expiraEm\":\"2020-01-01T00:00:00Z\"}"), CWS, NOW))
                .isEqualTo(fallback);
    }
}
