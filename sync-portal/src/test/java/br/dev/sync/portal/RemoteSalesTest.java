package br.dev.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.portal.model.RemoteSale;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RemoteSalesTest {
    private static final LocalDate D = LocalDate.of(2026, 11, 21);

    @Test
    void anOutpostDoesNotCloseTheDayWhileItsSalesHaveNotGoneUp() {
        try (PortalSandbox sandbox =
                        PortalSandbox.start(SandboxOptions.defaults().withPrePostings(0));
                SyncEngine outpost = SyncEngine.builder()
                        .node("outpost-0002")
                        .store(new InMemorySyncStore())
                        .build()) {
            RemoteSales.record(
                    outpost.store(),
                    new RemoteSale(
                            "0002",
                            "V1",
                            D,
                            "C00001",
                            "SS460209415BR",
                            "03220",
                            300,
                            BigDecimal.TEN,
                            Instant.parse("2026-11-21T15:00:00Z")),
                    outpost.node());
            PortalConfig config = PortalConfig.builder()
                    .baseUrl(sandbox.baseUrl())
                    .agency("0042")
                    .credentials(sandbox.options().login(), sandbox.options().secret())
                    .outpost("0002")
                    .attempts(1)
                    .build();
            sandbox.faults().serverErrors(1.0);

            SyncReport down =
                    outpost.run(PortalPostal.connect(config).remoteSales().send(D));

            assertThat(down.step("send remote sales").orElseThrow().status()).isEqualTo(StepStatus.FAILED);
            assertThat(down.step("close " + D).orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
            assertThat(sandbox.isClosed("0002", D)).isFalse();
            assertThat(outpost.store().pendingCount("remote-sales")).isEqualTo(1);

            sandbox.faults().none();
            outpost.run(PortalPostal.connect(config).remoteSales().send(D)).throwIfFailed();

            assertThat(sandbox.isClosed("0002", D)).isTrue();
            assertThat(sandbox.uploads("vendas-remotas")).containsOnlyKeys("0002/V1");
        }
    }

    @Test
    void onlyAnOutpostSendsAndAHeadOfficeNeedsRegisteredOutpostsToReceive() {
        PortalPostal headOffice = PortalPostal.connect(PortalConfig.builder()
                .baseUrl("http://127.0.0.1:9")
                .agency("0042")
                .credentials("x", "y")
                .build());

        assertThatThrownBy(() -> headOffice.remoteSales().send(D))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("outpost");
        assertThatThrownBy(() -> headOffice.remoteSales().receive(D, new InMemorySyncStore()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("full sync");
    }
}
