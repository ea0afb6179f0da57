package br.dev.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.Window;
import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;

class PortalConfigTest {
    @Test
    void toStringNeverShowsTheSecret() {
        PortalConfig config = PortalConfig.builder()
                .baseUrl("https://portal.example.com/api/")
                .agency("0042")
                .credentials("agencia0042", "s3cr3t-value")
                .build();

        assertThat(config.toString()).doesNotContain("s3cr3t-value").contains("secret=***");
        assertThat(config.baseUrl()).isEqualTo("https://portal.example.com/api");
    }

    @Test
    void everyProblemIsListedAtOnceWithoutTheSecret() {
        assertThatThrownBy(() -> PortalConfig.builder()
                        .baseUrl("ftp://portal?senha=x")
                        .agency("42")
                        .credentials("", "s3cr3t-value")
                        .pageSize(0)
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).violations())
                        .hasSize(4)
                        .anySatisfy(v -> assertThat(v).startsWith("agency"))
                        .anySatisfy(v -> assertThat(v).startsWith("baseUrl"))
                        .anySatisfy(v -> assertThat(v).startsWith("login"))
                        .anySatisfy(v -> assertThat(v).startsWith("pageSize")))
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void noCredentialTravelsInAQueryStringAndAnExpiredTokenIsRenewed() {
        try (PortalSandbox sandbox =
                        PortalSandbox.start(SandboxOptions.defaults().withPrePostings(50));
                SyncEngine engine = SyncEngine.builder()
                        .node("agency-0042")
                        .store(new InMemorySyncStore())
                        .build()) {
            PortalPostal portal = PortalPostal.connect(Sandboxes.config(sandbox));
            engine.run(portal.quick(Window.SINCE_CHECKPOINT)).throwIfFailed();
            sandbox.expireTokens();
            sandbox.update(
                    "pre-postagens",
                    sandbox.records("pre-postagens").isEmpty() ? "" : firstKey(sandbox),
                    "observacao",
                    "X");

            engine.run(portal.quick(Window.SINCE_CHECKPOINT)).throwIfFailed();

            assertThat(sandbox.logins()).isEqualTo(2);
            assertThat(sandbox.requestLog())
                    .isNotEmpty()
                    .noneSatisfy(r ->
                            assertThat(r).containsIgnoringCase(sandbox.options().secret()))
                    .noneSatisfy(r -> assertThat(r).containsIgnoringCase("senha"))
                    .noneSatisfy(r -> assertThat(r).containsIgnoringCase("token"));
            assertThat(((InMemorySyncStore) engine.store())
                            .snapshot("pre-postings")
                            .values())
                    .anySatisfy(f -> assertThat(f).containsEntry("note", "X"));
        }
    }

    private static String firstKey(PortalSandbox sandbox) {
        String json = sandbox.records("pre-postagens").get(0);
        int i = json.indexOf("\"codigoObjeto\":\"") + 16;
        return json.substring(i, i + 13);
    }
}
