package br.dev.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.Change;
import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.Window;
import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.portal.model.CounterSale;
import br.dev.sync.portal.model.RemoteSale;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovementAndRemoteSalesTest {
    private static final LocalDate D = LocalDate.of(2026, 11, 21);
    private static final Instant AT = Instant.parse("2026-11-21T15:00:00Z");

    @Test
    void exportingTheMovementOfADayTwiceLeavesOneCopyOnThePortalWithAConfirmationPerClient() {
        try (PortalSandbox sandbox =
                        PortalSandbox.start(SandboxOptions.defaults().withPrePostings(0));
                SyncEngine engine = SyncEngine.builder()
                        .node("agency-0042")
                        .store(new InMemorySyncStore())
                        .build()) {
            List<Change> sales = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                sales.add(PortalStreams.change(
                        PortalStreams.COUNTER_SALES,
                        sale("S" + i, i % 3 == 0 ? D.minusDays(1) : D, i % 2 == 0 ? "C00001" : "C00002", i),
                        "agency-0042"));
            }
            engine.store().apply(ApplyBatch.of("counter-sales", sales));
            PortalPostal portal = PortalPostal.connect(Sandboxes.config(sandbox));

            SyncReport first = engine.run(portal.exportMovement(D)).throwIfFailed();
            var afterFirst = sandbox.uploads("movimento");
            SyncReport second = engine.run(portal.exportMovement(D)).throwIfFailed();

            assertThat(afterFirst).containsOnlyKeys("S1", "S2", "S4", "S5");
            assertThat(sandbox.uploads("movimento")).isEqualTo(afterFirst);
            assertThat(first.steps().get(0).pushed()).isEqualTo(4);
            assertThat(second.steps().get(0).received()).isEqualTo(4);
            var confirmations = PortalPostal.confirmations(engine.store(), D);
            assertThat(confirmations)
                    .extracting(MovementConfirmation::client)
                    .containsExactlyInAnyOrder("C00001", "C00002");
            assertThat(confirmations).extracting(MovementConfirmation::sales).containsExactlyInAnyOrder(2, 2);
            assertThat(confirmations.stream()
                            .filter(c -> c.client().equals("C00001"))
                            .findFirst()
                            .orElseThrow()
                            .protocol())
                    .isEqualTo("MOV-20261121-C00001");
        }
    }

    private static CounterSale sale(String id, LocalDate day, String client, int i) {
        return new CounterSale(id, day, client, "SS46020941" + 5 + "BR", "03220", 100 + i, new BigDecimal("10.50"), AT);
    }

    @Test
    void theBdfImportWaitsUntilEveryOutpostHasClosedTheDayAndItsSalesAreApplied(@TempDir Path dir) throws IOException {
        try (PortalSandbox sandbox = PortalSandbox.start(
                        SandboxOptions.defaults().withPrePostings(0).withOutposts(2));
                SyncEngine office = node("head-office");
                SyncEngine outpost1 = node("outpost-0001");
                SyncEngine outpost2 = node("outpost-0002")) {
            PortalPostal headOffice = PortalPostal.connect(Sandboxes.config(sandbox));
            office.run(headOffice.full(Window.day(D))).throwIfFailed();
            Path bdf = dir.resolve("bdf-20261122.txt");
            Files.writeString(
                    bdf,
                    String.join(
                            "\n",
                            "BDF;0042;2026-11-22",
                            "V;SS460209415BR;03220;C00001;350;25.50",
                            "V;SS460209429BR;03298;C00002;1200;31.00",
                            "V;SS460209416BR;03298;C00002;1200;31.00",
                            "CA;CA000123;ATENDIMENTO SEDEX;12.30",
                            "T;3;87.50"));
            var importBdf = headOffice.remoteSales().bdfImport(D.plusDays(1), bdf);

            sell(outpost1, "0001", 3);
            outpost1.run(PortalPostal.connect(Sandboxes.outpost(sandbox, "0001"))
                            .remoteSales()
                            .send(D))
                    .throwIfFailed();
            office.run(headOffice.remoteSales().receive(D, List.of("0001", "0002")))
                    .throwIfFailed();
            SyncReport refused = office.run(importBdf);

            assertThat(refused.steps().get(0).status()).isEqualTo(StepStatus.REFUSED);
            assertThat(refused.steps().get(0).error()).contains("outpost 0002 has not sent its sales for 2026-11-21");
            assertThat(office.store().markers("bdf-imported")).isEmpty();

            sell(outpost2, "0002", 2);
            outpost2.run(PortalPostal.connect(Sandboxes.outpost(sandbox, "0002"))
                            .remoteSales()
                            .send(D))
                    .throwIfFailed();
            office.run(headOffice.remoteSales().receive(D, List.of("0001", "0002")))
                    .throwIfFailed();
            office.run(headOffice.remoteSales().receive(D, List.of("0001", "0002")))
                    .throwIfFailed();
            SyncReport imported = office.run(importBdf).throwIfFailed();

            var store = (InMemorySyncStore) office.store();
            assertThat(store.snapshot("remote-sales"))
                    .containsOnlyKeys("0001/V1", "0001/V2", "0001/V3", "0002/V1", "0002/V2");
            assertThat(sandbox.isClosed("0001", D)).isTrue();
            assertThat(sandbox.isClosed("0002", D)).isTrue();
            assertThat(store.snapshot("bdf-entries")).containsOnlyKeys("2026-11-22/2", "2026-11-22/3");
            assertThat(store.snapshot("ca-entries")).containsOnlyKeys("2026-11-22/CA000123");
            assertThat(imported.steps().get(0).quarantined()).isEqualTo(1);
            assertThat(office.quarantine()
                            .list(br.dev.sync.core.QuarantineQuery.stream("bdf-entries"))
                            .get(0)
                            .reason())
                    .contains("line 4")
                    .contains("trackingCode");
        }
    }

    private static void sell(SyncEngine outpost, String code, int n) {
        for (int i = 1; i <= n; i++) {
            RemoteSales.record(
                    outpost.store(),
                    new RemoteSale(
                            code, "V" + i, D, "C00001", "SS460209415BR", "03220", 300, new BigDecimal("22.00"), AT),
                    outpost.node());
        }
    }

    private static SyncEngine node(String name) {
        return SyncEngine.builder().node(name).store(new InMemorySyncStore()).build();
    }
}
