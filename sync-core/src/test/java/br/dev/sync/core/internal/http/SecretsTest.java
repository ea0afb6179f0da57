package br.dev.sync.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.http.Auth;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void scrubs_body_values_tokens_and_their_encoded_forms() {
        Secrets secrets = Secrets.of(Auth.tokenEndpoint(
                "/login", Map.of("login", "ana", "senha", "a b\"c&d"), "token", Duration.ofHours(1)));
        secrets.add("tok-1234");

        assertThat(secrets.scrub("senha=a b\"c&d json={\"senha\":\"a b\\\"c&d\"} url=a+b%22c%26d tok-1234"))
                .isEqualTo("senha=*** json={\"senha\":\"***\"} url=*** ***");
    }

    @Test
    void masks_secret_looking_query_parameters_and_keeps_the_others() {
        Secrets secrets = Secrets.of(Auth.none());

        assertThat(secrets.scrub("GET http://h/export?idEmpresa=42&senha=x1&apiKey=k2&page=3"))
                .isEqualTo("GET http://h/export?idEmpresa=42&senha=***&apiKey=***&page=3");
    }

    @Test
    void knows_credential_headers_including_the_api_key_header() {
        Secrets secrets = Secrets.of(Auth.apiKey("X-Api-Key", "k-123456"));

        assertThat(secrets.isSecretHeader("x-api-key")).isTrue();
        assertThat(secrets.isSecretHeader("Authorization")).isTrue();
        assertThat(secrets.isSecretHeader("Set-Cookie")).isTrue();
        assertThat(secrets.isSecretHeader("Accept")).isFalse();
    }

    @Test
    void leaves_very_short_values_alone_so_ordinary_text_stays_readable() {
        Secrets secrets = Secrets.of(Auth.basic("ana", "abc"));

        assertThat(secrets.scrub("abc def")).isEqualTo("abc def");
    }
}
