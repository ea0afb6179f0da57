package br.dev.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.StepReport;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.Window;
import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.portal.model.Invoice;
import br.dev.sync.portal.model.ProcessedObject;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuickAndFullSyncTest {
    private PortalSandbox sandbox;
    private InMemorySyncStore store;
    private SyncEngine engine;
    private PortalPostal portal;
    private final Window window = Window.of(LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 19));

    @BeforeEach
    void start() {
        sandbox = PortalSandbox.start(SandboxOptions.defaults());
        store = new InMemorySyncStore();
        engine = SyncEngine.builder().node("agency-0042").store(store).build();
        portal = PortalPostal.connect(Sandboxes.config(sandbox));
    }

    @AfterEach
    void stop() {
        engine.close();
        sandbox.close();
    }

    private void assertSame(String stream, Map<String, Map<String, Object>> expected) {
        assertThat(Expected.diff(expected, store.snapshot(stream))).as(stream).isEmpty();
    }

    @Test
    void quickRunAppliesExactlyTheSandboxRecordsOfTheWindowAndASecondRunNothingNew() {
        SyncReport first = engine.run(portal.quick(window)).throwIfFailed();

        var expected =
                Expected.of(PortalStreams.PRE_POSTINGS, sandbox.records("pre-postagens", window.from(), window.to()));
        assertThat(expected).hasSizeGreaterThan(500);
        assertSame("pre-postings", expected);
        assertSame(
                "service-orders",
                Expected.of(
                        PortalStreams.SERVICE_ORDERS, sandbox.records("ordens-servico", window.from(), window.to())));
        assertThat(store.snapshot("postal-services")).hasSize(8);
        assertThat(first.step("pull pre-postings").orElseThrow().applied()).isEqualTo(expected.size());
        assertThat(store.snapshot("clients")).isEmpty();

        SyncReport second = engine.run(portal.quick(window)).throwIfFailed();

        assertThat(second.total(StepReport::applied)).isZero();
        assertThat(second.total(StepReport::quarantined)).isZero();
        assertSame("pre-postings", expected);
    }

    @Test
    void aChangeOnThePortalIsPickedUpByTheNextQuickRun() {
        engine.run(portal.quick(window)).throwIfFailed();
        String key = store.snapshot("pre-postings").keySet().iterator().next();

        sandbox.update("pre-postagens", key, "observacao", "FRAGIL");
        SyncReport again = engine.run(portal.quick(window)).throwIfFailed();

        assertThat(again.step("pull pre-postings").orElseThrow().applied()).isEqualTo(1);
        assertThat(store.snapshot("pre-postings").get(key)).containsEntry("note", "FRAGIL");
    }

    @Test
    void fullRunPullsTheMasterDataThenQuickThenUploadsProcessedObjectsAndInvoices() {
        Instant now = Instant.parse("2026-11-19T12:00:00Z");
        store.append(PortalStreams.change(
                PortalStreams.PROCESSED_OBJECTS,
                new ProcessedObject(
                        "SS460209415BR",
                        "03220",
                        "C00001",
                        350,
                        new BigDecimal("25.50"),
                        LocalDate.of(2026, 11, 19),
                        now),
                "agency-0042"));
        store.append(PortalStreams.change(
                PortalStreams.INVOICES,
                new Invoice("NF-1001", "C00001", "G00001", LocalDate.of(2026, 11, 19), new BigDecimal("99.90"), now),
                "agency-0042"));

        SyncReport full = engine.run(portal.full(window)).throwIfFailed();

        assertSame("clients", Expected.of(PortalStreams.CLIENTS, sandbox.records("clientes")));
        assertSame("financial-entries", Expected.of(PortalStreams.FINANCIAL_ENTRIES, sandbox.records("financeiro")));
        for (String[] s : new String[][] {
            {"departments", "departamentos"}, {"users", "usuarios"}, {"billing-groups", "grupos-faturamento"},
            {"label-ranges", "etiquetas"}, {"routings", "amarracoes"}, {"outposts", "postos"}
        }) {
            assertThat(store.snapshot(s[0]))
                    .as(s[0])
                    .hasSize(sandbox.records(s[1]).size());
        }
        assertThat(store.snapshot("pre-postings"))
                .hasSize(sandbox.records("pre-postagens", window.from(), window.to())
                        .size());
        assertThat(full.step("push processed-objects").orElseThrow().pushed()).isEqualTo(1);
        assertThat(full.step("push invoices").orElseThrow().pushed()).isEqualTo(1);
        assertThat(sandbox.uploads("objetos-processados")).containsKey("SS460209415BR");
        assertThat(sandbox.uploads("faturas").get("NF-1001")).contains("\"valorTotal\":99.9");
        assertThat(store.pendingCount("invoices")).isZero();

        SyncReport again = engine.run(portal.full(window)).throwIfFailed();
        assertThat(again.total(StepReport::applied)).isZero();
        assertThat(again.total(StepReport::pushed)).isZero();
    }
}
