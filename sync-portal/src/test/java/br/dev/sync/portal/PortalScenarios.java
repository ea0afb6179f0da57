package br.dev.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineQuery;
import br.dev.sync.core.RetrySettings;
import br.dev.sync.core.StepReport;
import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncEvent;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.Window;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.SyncListener;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.portal.model.CounterSale;
import br.dev.sync.portal.model.Invoice;
import br.dev.sync.portal.model.ProcessedObject;
import br.dev.sync.portal.model.RemoteSale;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Portal Postal scenarios against the sandbox, for any store: a subclass gives a fresh store per node. What the
 * issue asks to show: QUICK applies exactly the sandbox's records and a second run nothing new, FULL does the rest,
 * an export run twice leaves one copy, the remote-sales gate refuses then lets the BDF in, invalid records are
 * quarantined with their reasons, and 20,000 pre-postings come through injected faults exactly.
 */
abstract class PortalScenarios {
    static final LocalDate D = LocalDate.of(2026, 11, 21);
    static final Instant AT = Instant.parse("2026-11-21T15:00:00Z");
    static final Window WINDOW = Window.of(LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 19));
    static final Window ALL_DAYS = Window.of(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22));
    private final List<AutoCloseable> open = new ArrayList<>();

    /** A fresh, empty store for a node. */
    protected abstract SyncStore newStore(String node);

    /** How many steps the engines run at once (the engine's default is 2). */
    protected int parallelism() {
        return 2;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T open(T c) {
        open.add(c);
        return c;
    }

    PortalSandbox sandbox(SandboxOptions options) {
        return open(PortalSandbox.start(options));
    }

    SyncEngine engine(String node) {
        return engine(node, event -> {});
    }

    SyncEngine engine(String node, SyncListener listener) {
        return open(SyncEngine.builder()
                .node(node)
                .store(newStore(node))
                .listener(listener)
                .parallelism(parallelism())
                .retry(new RetrySettings(5, Duration.ofMillis(10), Duration.ofMillis(200), 0.25))
                .build());
    }

    @Test
    void quickRunAppliesExactlyTheSandboxRecordsOfTheWindowAndASecondRunNothingNew() {
        PortalSandbox sandbox = sandbox(SandboxOptions.defaults());
        SyncEngine engine = engine("agency-0042");
        PortalPostal portal = PortalPostal.connect(Sandboxes.config(sandbox));

        SyncReport first = engine.run(portal.quick(WINDOW)).throwIfFailed();

        var expected = Stored.expected(
                PortalStreams.PRE_POSTINGS, sandbox.records("pre-postagens", WINDOW.from(), WINDOW.to()));
        assertThat(expected).hasSizeGreaterThan(500);
        assertThat(Stored.diff(expected, Stored.in(engine.store(), PortalStreams.PRE_POSTINGS)))
                .isEmpty();
        assertThat(Stored.diff(
                        Stored.expected(
                                PortalStreams.SERVICE_ORDERS,
                                sandbox.records("ordens-servico", WINDOW.from(), WINDOW.to())),
                        Stored.in(engine.store(), PortalStreams.SERVICE_ORDERS)))
                .isEmpty();
        assertThat(Stored.in(engine.store(), PortalStreams.POSTAL_SERVICES)).hasSize(8);
        assertThat(first.step("pull pre-postings").orElseThrow().applied()).isEqualTo(expected.size());
        assertThat(Stored.in(engine.store(), PortalStreams.CLIENTS)).isEmpty();

        SyncReport second = engine.run(portal.quick(WINDOW)).throwIfFailed();

        assertThat(second.total(StepReport::applied)).isZero();
        assertThat(second.total(StepReport::quarantined)).isZero();
        assertThat(Stored.in(engine.store(), PortalStreams.PRE_POSTINGS)).isEqualTo(expected);

        String key = expected.keySet().iterator().next();
        sandbox.update("pre-postagens", key, "observacao", "FRAGIL");
        SyncReport third = engine.run(portal.quick(WINDOW)).throwIfFailed();
        assertThat(third.step("pull pre-postings").orElseThrow().applied()).isEqualTo(1);
        assertThat(Stored.in(engine.store(), PortalStreams.PRE_POSTINGS)
                        .get(key)
                        .note())
                .isEqualTo("FRAGIL");
    }

    @Test
    void fullRunPullsTheMasterDataThenQuickThenUploadsProcessedObjectsAndInvoices() {
        PortalSandbox sandbox = sandbox(SandboxOptions.defaults());
        SyncEngine engine = engine("agency-0042");
        PortalPostal portal = PortalPostal.connect(Sandboxes.config(sandbox));
        engine.run(portal.quick(WINDOW)).throwIfFailed();
        SyncStore store = engine.store();
        store.append(PortalStreams.change(
                PortalStreams.PROCESSED_OBJECTS,
                new ProcessedObject("SS460209415BR", "03220", "C00001", 350, new BigDecimal("25.50"), D, AT),
                "agency-0042"));
        store.append(PortalStreams.change(
                PortalStreams.INVOICES,
                new Invoice("NF-1001", "C00001", "G00001", D, new BigDecimal("99.90"), AT),
                "agency-0042"));

        SyncReport full = engine.run(portal.full(WINDOW)).throwIfFailed();

        assertThat(Stored.diff(
                        Stored.expected(PortalStreams.CLIENTS, sandbox.records("clientes")),
                        Stored.in(store, PortalStreams.CLIENTS)))
                .isEmpty();
        assertThat(Stored.diff(
                        Stored.expected(PortalStreams.FINANCIAL_ENTRIES, sandbox.records("financeiro")),
                        Stored.in(store, PortalStreams.FINANCIAL_ENTRIES)))
                .isEmpty();
        assertThat(Stored.diff(
                        Stored.expected(PortalStreams.LABEL_RANGES, sandbox.records("etiquetas")),
                        Stored.in(store, PortalStreams.LABEL_RANGES)))
                .isEmpty();
        assertThat(Stored.in(store, PortalStreams.DEPARTMENTS)).hasSize(200);
        assertThat(Stored.in(store, PortalStreams.USERS)).hasSize(50);
        assertThat(Stored.in(store, PortalStreams.BILLING_GROUPS)).hasSize(200);
        assertThat(Stored.in(store, PortalStreams.ROUTINGS)).hasSize(6);
        assertThat(Stored.in(store, PortalStreams.OUTPOSTS)).containsOnlyKeys("0001", "0002", "0003");
        assertThat(full.step("pull pre-postings").orElseThrow().applied()).isZero();
        assertThat(full.step("push processed-objects").orElseThrow().pushed()).isEqualTo(1);
        assertThat(full.step("push invoices").orElseThrow().pushed()).isEqualTo(1);
        assertThat(sandbox.uploads("objetos-processados")).containsOnlyKeys("SS460209415BR");
        assertThat(sandbox.uploads("faturas").get("NF-1001")).contains("\"valorTotal\":99.90");
        assertThat(store.pendingCount("invoices")).isZero();

        SyncReport again = engine.run(portal.full(WINDOW)).throwIfFailed();
        assertThat(again.total(StepReport::applied)).isZero();
        assertThat(again.total(StepReport::pushed)).isZero();
    }

    @Test
    void exportingTheMovementOfADayTwiceLeavesOneCopyOnThePortalWithAConfirmationPerClient() {
        PortalSandbox sandbox = sandbox(SandboxOptions.defaults().withPrePostings(0));
        List<SyncEvent.Progress> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        SyncEngine engine = engine("agency-0042", e -> {
            if (e instanceof SyncEvent.Progress p) {
                progress.add(p);
            }
        });
        List<br.dev.sync.core.Change> sales = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate day = i % 3 == 0 ? D.minusDays(1) : D;
            CounterSale sale = new CounterSale(
                    "S" + i,
                    day,
                    i % 2 == 0 ? "C00001" : "C00002",
                    "SS460209415BR",
                    "03220",
                    100 + i,
                    new BigDecimal("10.50"),
                    AT);
            sales.add(PortalStreams.change(PortalStreams.COUNTER_SALES, sale, "agency-0042"));
        }
        engine.store().apply(ApplyBatch.of("counter-sales", sales));
        PortalPostal portal = PortalPostal.connect(Sandboxes.config(sandbox));

        SyncReport first = engine.run(portal.exportMovement(D)).throwIfFailed();
        var afterFirst = sandbox.uploads("movimento");
        SyncReport second = engine.run(portal.exportMovement(D)).throwIfFailed();

        assertThat(afterFirst).containsOnlyKeys("S1", "S2", "S4", "S5");
        assertThat(progress.subList(0, progress.size() / 2))
                .extracting(SyncEvent.Progress::done)
                .containsExactly(0L, 2L, 4L);
        assertThat(progress).allSatisfy(p -> assertThat(p.total()).isEqualTo(4));
        assertThat(sandbox.uploads("movimento")).isEqualTo(afterFirst);
        assertThat(first.steps().get(0).pushed()).isEqualTo(4);
        assertThat(second.steps().get(0).received()).isEqualTo(4);
        var confirmations = PortalPostal.confirmations(engine.store(), D);
        assertThat(confirmations)
                .extracting(MovementConfirmation::client)
                .containsExactlyInAnyOrder("C00001", "C00002");
        assertThat(confirmations).extracting(MovementConfirmation::sales).containsExactly(2, 2);
        assertThat(confirmations.get(0).protocol()).startsWith("MOV-20261121-C0000");
        assertThat(confirmations.get(0).total()).isEqualByComparingTo("21.00");
    }

    @Test
    void theBdfImportWaitsUntilEveryOutpostHasClosedTheDayAndItsSalesAreApplied(@TempDir Path dir) throws IOException {
        PortalSandbox sandbox =
                sandbox(SandboxOptions.defaults().withPrePostings(0).withOutposts(2));
        SyncEngine office = engine("head-office");
        SyncEngine outpost1 = engine("outpost-0001");
        SyncEngine outpost2 = engine("outpost-0002");
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
        office.run(headOffice.remoteSales().receive(D, office.store())).throwIfFailed();
        SyncReport refused = office.run(importBdf);

        assertThat(refused.steps().get(0).status()).isEqualTo(StepStatus.REFUSED);
        assertThat(refused.steps().get(0).error()).contains("outpost 0002 has not sent its sales for 2026-11-21");
        assertThat(office.store().markers("bdf-imported")).isEmpty();

        sell(outpost2, "0002", 2);
        outpost2.run(PortalPostal.connect(Sandboxes.outpost(sandbox, "0002"))
                        .remoteSales()
                        .send(D))
                .throwIfFailed();
        office.run(headOffice.remoteSales().receive(D, office.store())).throwIfFailed();
        office.run(headOffice.remoteSales().receive(D, office.store())).throwIfFailed();
        SyncReport imported = office.run(importBdf).throwIfFailed();

        assertThat(Stored.in(office.store(), PortalStreams.REMOTE_SALES))
                .containsOnlyKeys("0001/V1", "0001/V2", "0001/V3", "0002/V1", "0002/V2");
        assertThat(sandbox.isClosed("0001", D)).isTrue();
        assertThat(sandbox.isClosed("0002", D)).isTrue();
        assertThat(Stored.in(office.store(), PortalStreams.BDF_ENTRIES))
                .containsOnlyKeys("2026-11-22/2", "2026-11-22/3");
        assertThat(Stored.in(office.store(), PortalStreams.CA_ENTRIES)
                        .get("2026-11-22/CA000123")
                        .value())
                .isEqualByComparingTo("12.30");
        assertThat(imported.steps().get(0).quarantined()).isEqualTo(1);
        assertThat(office.quarantine()
                        .list(QuarantineQuery.stream("bdf-entries"))
                        .get(0)
                        .reason())
                .contains("line 4")
                .contains("trackingCode");
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

    static String prePosting(String code, String senderTaxId, String recipientTaxId) {
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
        PortalSandbox sandbox = sandbox(SandboxOptions.defaults().withPrePostings(0));
        SyncEngine engine = engine("agency-0042");
        sandbox.put("pre-postagens", prePosting("SS460209415BR", "529.982.247-25", "11.222.333/0001-81"));
        sandbox.put("pre-postagens", prePosting("SS460209429BR", "12.ABC.345/01DE-35", "52998224725"));
        sandbox.put("pre-postagens", prePosting("SS460209416BR", "529.982.247-25", "52998224725"));
        sandbox.put("pre-postagens", prePosting("SS460209432BR", "529.982.247-26", "52998224725"));
        sandbox.put("pre-postagens", prePosting("SS460209443BR", "52998224725", "11.222.333/0001-82"));
        PortalPostal portal = PortalPostal.connect(Sandboxes.config(sandbox));

        SyncReport report = engine.run(portal.quick(ALL_DAYS)).throwIfFailed();

        var stored = Stored.in(engine.store(), PortalStreams.PRE_POSTINGS);
        assertThat(stored).containsOnlyKeys("SS460209415BR", "SS460209429BR");
        assertThat(stored.get("SS460209429BR").sender().taxId()).isEqualTo("12.ABC.345/01DE-35");
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
        assertThat(report.step("pull pre-postings").orElseThrow().quarantined()).isEqualTo(3);
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
        PortalSandbox sandbox = sandbox(SandboxOptions.defaults().withPrePostings(20_000));
        SyncEngine engine = engine("agency-0042");
        sandbox.faults().serverErrors(0.15).drops(0.10).duplicatePages(0.15);
        PortalPostal portal = PortalPostal.connect(Sandboxes.config(sandbox, 200));

        long start = System.nanoTime();
        SyncReport report = engine.run(portal.quick(ALL_DAYS)).throwIfFailed();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        var expected = Stored.expected(PortalStreams.PRE_POSTINGS, sandbox.records("pre-postagens"));
        assertThat(expected).hasSize(20_000);
        assertThat(Stored.diff(expected, Stored.in(engine.store(), PortalStreams.PRE_POSTINGS)))
                .isEmpty();
        assertThat(engine.quarantine().count("pre-postings")).isZero();
        assertThat(sandbox.faults().serverErrorsInjected()).isPositive();
        assertThat(sandbox.faults().dropsInjected()).isPositive();
        assertThat(sandbox.faults().duplicatedPagesInjected()).isPositive();
        assertThat(report.step("pull pre-postings").orElseThrow().applied()).isEqualTo(20_000);
        System.out.printf(
                "%s fault run: 20000 pre-postings in %d ms; injected %d 5xx, %d drops, %d duplicated pages%n",
                getClass().getSimpleName(),
                took.toMillis(),
                sandbox.faults().serverErrorsInjected(),
                sandbox.faults().dropsInjected(),
                sandbox.faults().duplicatedPagesInjected());
        assertThat(took).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void answersCutHalfWayAreRetriedWithoutPartialPagesAndTheRunEndsEqualToTheSandboxData() {
        PortalSandbox sandbox = sandbox(SandboxOptions.defaults().withPrePostings(5_000));
        SyncEngine engine = engine("agency-0042");
        sandbox.faults().cutAnswers(0.15);
        PortalPostal portal = PortalPostal.connect(Sandboxes.config(sandbox, 200));

        // a body cut by the connection is retried like any I/O failure; a run fails only when every try of one
        // page is cut (rare at 15%), and the next run then resumes from the last committed page
        int failed = 0;
        SyncReport report = engine.run(portal.quick(ALL_DAYS));
        while (!report.succeeded() && failed < 5) {
            failed++;
            report = engine.run(portal.quick(ALL_DAYS));
        }

        assertThat(report.succeeded()).isTrue();
        assertThat(sandbox.faults().cutAnswersInjected()).isPositive();
        assertThat(failed).isLessThanOrEqualTo(1);
        assertThat(Stored.diff(
                        Stored.expected(PortalStreams.PRE_POSTINGS, sandbox.records("pre-postagens")),
                        Stored.in(engine.store(), PortalStreams.PRE_POSTINGS)))
                .isEmpty();
        assertThat(engine.quarantine().count("pre-postings")).isZero();
    }

    @Test
    void malformedRecordsServedByThePortalAreQuarantinedAndTheRunGoesOn() {
        PortalSandbox sandbox = sandbox(SandboxOptions.defaults().withPrePostings(1_000));
        SyncEngine engine = engine("agency-0042");
        sandbox.faults().malformedRecords(0.05);
        PortalPostal portal = PortalPostal.connect(Sandboxes.config(sandbox));

        SyncReport report = engine.run(portal.quick(ALL_DAYS)).throwIfFailed();

        assertThat(sandbox.faults().malformedRecordsInjected()).isPositive();
        var step = report.step("pull pre-postings").orElseThrow();
        assertThat(step.quarantined() + step.applied()).isEqualTo(step.received());
        assertThat(step.quarantined()).isPositive();
        assertThat(engine.quarantine().list(QuarantineQuery.stream("pre-postings")))
                .allSatisfy(e -> assertThat(e.reason()).contains("check digit"));
    }
}
