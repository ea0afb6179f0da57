package br.dev.sync.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.dev.sync.core.ConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthTest {
    @Test
    void no_case_prints_a_secret() {
        assertThat(Auth.basic("ana", "pw-secret").toString()).contains("ana").doesNotContain("pw-secret");
        assertThat(Auth.apiKey("X-Api-Key", "key-secret").toString())
                .contains("X-Api-Key")
                .doesNotContain("key-secret");
        assertThat(Auth.tokenEndpoint("/login", Map.of("senha", "body-secret"), "token", Duration.ofHours(1))
                        .withBasic("u", "basic-secret")
                        .toString())
                .contains("/login", "senha")
                .doesNotContain("body-secret", "basic-secret");
    }

    @Test
    void token_endpoint_copies_its_body() {
        Map<String, String> body = new HashMap<>(Map.of("login", "ana"));
        Auth.TokenEndpoint endpoint = Auth.tokenEndpoint("/login", body, "token", Duration.ofHours(1));

        body.put("login", "bia");

        assertThat(endpoint.jsonBody()).containsEntry("login", "ana");
        assertThat(endpoint.expiresAt("expiraEm").expiresAtField()).isEqualTo("expiraEm");
    }

    @Test
    void an_invalid_token_endpoint_is_reported_with_the_other_settings() {
        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class,
                () -> HttpSettings.builder()
                        .baseUrl("http://localhost")
                        .remoteName("cws")
                        .auth(Auth.tokenEndpoint("token", Map.of(), " ", Duration.ZERO))
                        .build());

        assertThat(e.violations())
                .containsExactly(
                        "auth.defaultLifetime: must be a positive duration",
                        "auth.path: must start with / (it is appended to the base URL) (value 'token')",
                        "auth.tokenField: must not be blank");
    }

    @Test
    void circuit_breaker_settings_report_every_problem() {
        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class, () -> new CircuitBreakerSettings(-1, Duration.ZERO, 0));

        assertThat(e.violations()).hasSize(3);
        assertThat(CircuitBreakerSettings.DISABLED.enabled()).isFalse();
        assertThat(CircuitBreakerSettings.DEFAULT.enabled()).isTrue();
    }
}
