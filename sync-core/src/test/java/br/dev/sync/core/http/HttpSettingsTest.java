package br.dev.sync.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.RetrySettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {
    @Test
    void applies_the_documented_defaults() {
        HttpSettings s = HttpSettings.builder()
                .baseUrl("https://portal.example.com/api/")
                .remoteName("portal-postal")
                .build();

        assertThat(s.baseUrl()).isEqualTo(URI.create("https://portal.example.com/api"));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.retry()).isEqualTo(RetrySettings.DEFAULT);
        assertThat(s.circuitBreaker()).isEqualTo(CircuitBreakerSettings.DEFAULT);
        assertThat(s.auth()).isEqualTo(Auth.none());
        assertThat(s.gzip()).isTrue();
        assertThat(s.maxResponseBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(s.maxJsonNestingDepth()).isEqualTo(64);
    }

    @Test
    void reports_every_invalid_setting_at_once() {
        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class,
                () -> HttpSettings.builder()
                        .baseUrl("ftp://files.example.com")
                        .remoteName("")
                        .connectTimeout(Duration.ZERO)
                        .requestTimeout(null)
                        .maxResponseBytes(10)
                        .maxJsonNestingDepth(0)
                        .auth(Auth.apiKey("", "k"))
                        .build());

        assertThat(e.violations())
                .anySatisfy(v -> assertThat(v).startsWith("baseUrl:").contains("http or https"))
                .anySatisfy(v -> assertThat(v).startsWith("remoteName:"))
                .anySatisfy(v -> assertThat(v).startsWith("connectTimeout:"))
                .anySatisfy(v -> assertThat(v).startsWith("requestTimeout:"))
                .anySatisfy(v -> assertThat(v).startsWith("maxResponseBytes:"))
                .anySatisfy(v -> assertThat(v).startsWith("maxJsonNestingDepth:"))
                .anySatisfy(v -> assertThat(v).startsWith("auth.headerName:"));
        assertThat(e.getMessage()).startsWith("HTTP settings is not valid");
    }

    @Test
    void requires_a_base_url_and_a_remote_name() {
        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class, () -> HttpSettings.builder().build());

        assertThat(e.violations()).hasSize(2).allSatisfy(v -> assertThat(v).contains("must not be null"));
    }

    @Test
    void to_string_shows_the_settings_but_no_secret() {
        HttpSettings s = HttpSettings.builder()
                .baseUrl("http://localhost:8080")
                .remoteName("winthor")
                .auth(Auth.tokenEndpoint(
                                "/login?idEmpresa=42",
                                Map.of("login", "ana", "senha", "segredo-1"),
                                "accessToken",
                                Duration.ofHours(2))
                        .withBasic("u", "segredo-2"))
                .build();

        assertThat(s.toString())
                .contains("winthor", "http://localhost:8080", "/login", "login", "senha", "accessToken");
        assertThat(s.toString()).doesNotContain("segredo-1", "segredo-2", "idEmpresa");
    }

    @Test
    void to_builder_derives_a_variant() {
        HttpSettings base = HttpSettings.builder()
                .baseUrl("http://localhost:8080")
                .remoteName("omnisync")
                .build();

        HttpSettings variant = base.toBuilder().gzip(false).build();

        assertThat(variant.gzip()).isFalse();
        assertThat(variant.remoteName()).isEqualTo("omnisync");
    }
}
