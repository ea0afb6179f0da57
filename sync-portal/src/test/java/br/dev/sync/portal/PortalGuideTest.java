package br.dev.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.StepReport;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.Window;
import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The code quoted in sync-portal/README.md and docs/providers/portal-postal.md, kept compiling and running. */
class PortalGuideTest {
    @Test
    void readmeExample() {
        // tag::readme[]
        try (PortalSandbox sandbox = PortalSandbox.start(SandboxOptions.defaults())) {
            SyncStore store = new InMemorySyncStore(); // or JdbcSyncStore.on(dataSource)
            PortalPostal portal = PortalPostal.connect(PortalConfig.builder()
                    .baseUrl(sandbox.baseUrl())
                    .agency("0042")
                    .credentials("agencia0042", "sandbox-secret")
                    .build());
            try (SyncEngine sync =
                    SyncEngine.builder().node("agency-0042").store(store).build()) {
                Window window = Window.of(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22));
                SyncReport quick = sync.run(portal.quick(window)).throwIfFailed();
                SyncReport full = sync.run(portal.full(window)).throwIfFailed();
                // end::readme[]
                assertThat(quick.total(StepReport::applied)).isEqualTo(2_000 + 200 + 8);
                assertThat(full.step("pull clients").orElseThrow().applied()).isEqualTo(200);
                assertThat(full.step("pull pre-postings").orElseThrow().applied())
                        .isZero();
            }
        }
    }
}
