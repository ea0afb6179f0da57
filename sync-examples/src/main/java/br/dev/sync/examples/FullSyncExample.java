package br.dev.sync.examples;

import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.Window;
import br.dev.sync.core.validation.BrazilianIds;
import br.dev.sync.portal.PortalStreams;
import br.dev.sync.portal.model.Invoice;
import br.dev.sync.portal.model.ProcessedObject;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Example 2, "Sincronizar tudo": the counter processed some objects and issued invoices (they wait in the
 * outbox); the FULL plan pulls the master data and the week's pre-postings, then pushes the local work up.
 */
@Command(
        name = "full-sync",
        mixinStandardHelpOptions = true,
        description = "Full sync: master data, quick sync, uploads.")
public final class FullSyncExample implements Callable<Integer> {
    @Mixin
    ExampleOptions options = new ExampleOptions();

    public static void main(String[] args) {
        System.exit(new CommandLine(new FullSyncExample()).execute(args));
    }

    @Override
    public Integer call() {
        return run(options, System.out).succeeded() ? 0 : 1;
    }

    public static SyncReport run(ExampleOptions options, PrintStream out) {
        try (SyncEnvironment env = SyncEnvironment.start(options)) {
            SyncEngine agency = env.engine("agency-" + options.agency(), new ProgressPrinter(out));
            LocalDate today = env.today();
            int queued = queueCounterWork(agency, today);
            out.println("== full sync of the last 7 days; " + queued + " local records wait to go up");
            SyncReport report = agency.run(env.portal(null).full(Window.of(today.minusDays(6), today)));
            out.println(ReportTable.format(report));
            return report;
        }
    }

    /** What the counter did today: 20 processed objects and 5 invoices, written to the outbox. */
    static int queueCounterWork(SyncEngine agency, LocalDate today) {
        Instant now = Instant.now();
        for (int i = 0; i < 20; i++) {
            String digits = String.format("%08d", 30_000_000 + i);
            String code = "SX" + digits + BrazilianIds.trackingCheckDigit(digits) + "BR";
            ProcessedObject o = new ProcessedObject(
                    code,
                    "03220",
                    "C" + String.format("%05d", 1 + i % 5),
                    250 + i,
                    new BigDecimal("24.90"),
                    today,
                    now);
            agency.store().append(PortalStreams.change(PortalStreams.PROCESSED_OBJECTS, o, agency.node()));
        }
        for (int i = 0; i < 5; i++) {
            Invoice inv = new Invoice(
                    "NF-" + today + "-" + i,
                    "C" + String.format("%05d", 1 + i),
                    null,
                    today,
                    new BigDecimal("99.60"),
                    now);
            agency.store().append(PortalStreams.change(PortalStreams.INVOICES, inv, agency.node()));
        }
        return 25;
    }
}
