package br.dev.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineQuery;
import br.dev.sync.core.RetrySettings;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.Window;
import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuarantineAndFaultsTest {
    private static final Window WINDOW = Window.of(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22));

    private static String prePosting(String code, String senderTaxId, String recipientTaxId) {
        return """
                {"codigoObjeto":"%s","codigoServico":"03220","idCliente":"C00001","pesoInformado":"350",
                 "codigoFormatoObjetoInformado":"2","alturaInformada":"10","larguraInformada":"15",
                 "comprimentoInformado":"20","numeroNotaFiscal":"123","status":1,"dataCriacao":"2026-11-18",
                 "atualizadoEm":"2026-11-18T09:00:00.000",
                 "remetente":{"nome":"Ana Souza","cpfCnpj":"%s","endereco":{"cep":"01310100",
                   "logradouro":"Av Paulista","numero":"1000","cidade":"Sao Paulo","uf":"SP"}},
                 "destinatario":{"nome":"Bruno Lima","cpfCnpj":"%s","endereco":{"cep":"13010000",
                   "logradouro":"Rua Um","numero":"1","cidade":"Campinas","uf":"SP"}}}""".formatted(code, senderTaxId, recipientTaxId);
    }

    @Test
    void invalidTrackingCodesCpfsAndCnpjsAreQuarantinedWithTheirReasonsAndTheRestApplied() {
        try (PortalSandbox sandbox =
                        PortalSandbox.start(SandboxOptions.defaults().withPrePostings(0));
                SyncEngine engine = engine(new InMemorySyncStore())) {
            sandbox.put("pre-postagens", prePosting("SS460209415BR", "529.982.247-25", "11.222.333/0001-81"));
            sandbox.put("pre-postagens", prePosting("SS460209429BR", "12.ABC.345/01DE-35", "52998224725"));
            sandbox.put("pre-postagens", prePosting("SS460209416BR", "529.982.247-25", "52998224725"));
            sandbox.put("pre-postagens", prePosting("SS460209432BR", "529.982.247-26", "52998224725"));
            sandbox.put("pre-postagens", prePosting("SS460209443BR", "52998224725", "11.222.333/0001-82"));
            PortalPostal portal = PortalPostal.connect(Sandboxes.config(sandbox));

            SyncReport report = engine.run(portal.quick(WINDOW)).throwIfFailed();

            var store = (InMemorySyncStore) engine.store();
            assertThat(store.snapshot("pre-postings")).containsOnlyKeys("SS460209415BR", "SS460209429BR");
            assertThat(store.snapshot("pre-postings").get("SS460209429BR"))
                    .hasEntrySatisfying("sender", s -> assertThat((String) s).contains("12.ABC.345/01DE-35"));
            List<QuarantineEntry> q = engine.quarantine().list(QuarantineQuery.stream("pre-postings"));
            assertThat(q)
                    .extracting(QuarantineEntry::key)
                    .containsExactlyInAnyOrder("SS460209416BR", "SS460209432BR", "SS460209443BR");
            assertThat(reason(q, "SS460209416BR"))
                    .contains("trackingCode")
                    .contains("SS460209416BR")
                    .contains("check digit");
            assertThat(reason(q, "SS460209432BR")).contains("sender.taxId").contains("529.982.247-26");
            assertThat(reason(q, "SS460209443BR")).contains("recipient.taxId").contains("11.222.333/0001-82");
            assertThat(report.step("pull pre-postings").orElseThrow().quarantined())
                    .isEqualTo(3);
        }
    }

    private static String reason(List<QuarantineEntry> q, String key) {
        return q.stream()
                .filter(e -> key.equals(e.key()))
                .findFirst()
                .orElseThrow()
                .reason();
    }

    @Test
    void quickSyncOf20000PrePostingsThroughServerErrorsDropsAndDuplicatedPagesEndsEqualToTheSandbox() {
        try (PortalSandbox sandbox =
                        PortalSandbox.start(SandboxOptions.defaults().withPrePostings(20_000));
                SyncEngine engine = engine(new InMemorySyncStore())) {
            sandbox.faults().serverErrors(0.15).drops(0.10).duplicatePages(0.15);
            PortalPostal portal = PortalPostal.connect(Sandboxes.config(sandbox));

            long start = System.nanoTime();
            SyncReport report = engine.run(portal.quick(WINDOW)).throwIfFailed();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            var store = (InMemorySyncStore) engine.store();
            var expected = Expected.of(PortalStreams.PRE_POSTINGS, sandbox.records("pre-postagens"));
            assertThat(expected).hasSize(20_000);
            assertThat(Expected.diff(expected, store.snapshot("pre-postings"))).isEmpty();
            assertThat(engine.quarantine().count("pre-postings")).isZero();
            assertThat(sandbox.faults().serverErrorsInjected()).isPositive();
            assertThat(sandbox.faults().dropsInjected()).isPositive();
            assertThat(sandbox.faults().duplicatedPagesInjected()).isPositive();
            assertThat(report.step("pull pre-postings").orElseThrow().applied()).isEqualTo(20_000);
            System.out.printf(
                    "fault run: 20000 pre-postings in %d ms; injected %d 5xx, %d drops, %d duplicated pages%n",
                    took.toMillis(),
                    sandbox.faults().serverErrorsInjected(),
                    sandbox.faults().dropsInjected(),
                    sandbox.faults().duplicatedPagesInjected());
            assertThat(took).isLessThan(Duration.ofSeconds(60));
        }
    }

    @Test
    void malformedRecordsServedByThePortalAreQuarantinedAndTheRunGoesOn() {
        try (PortalSandbox sandbox =
                        PortalSandbox.start(SandboxOptions.defaults().withPrePostings(1_000));
                SyncEngine engine = engine(new InMemorySyncStore())) {
            sandbox.faults().malformedRecords(0.05);
            PortalPostal portal = PortalPostal.connect(Sandboxes.config(sandbox));

            SyncReport report = engine.run(portal.quick(WINDOW)).throwIfFailed();

            long bad = sandbox.faults().malformedRecordsInjected();
            assertThat(bad).isPositive();
            var step = report.step("pull pre-postings").orElseThrow();
            assertThat(step.quarantined() + step.applied()).isEqualTo(step.received());
            assertThat(step.quarantined()).isPositive();
            assertThat(engine.quarantine().list(QuarantineQuery.stream("pre-postings")))
                    .allSatisfy(e -> assertThat(e.reason()).contains("check digit"));
        }
    }

    private static SyncEngine engine(InMemorySyncStore store) {
        return SyncEngine.builder()
                .node("agency-0042")
                .store(store)
                .retry(new RetrySettings(5, Duration.ofMillis(10), Duration.ofMillis(200), 0.25))
                .build();
    }
}
