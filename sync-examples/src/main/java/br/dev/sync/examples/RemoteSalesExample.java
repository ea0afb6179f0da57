package br.dev.sync.examples;

import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.Window;
import br.dev.sync.core.validation.BrazilianIds;
import br.dev.sync.portal.PortalPostal;
import br.dev.sync.portal.RemoteSales;
import br.dev.sync.portal.model.RemoteSale;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Example 3, "Vendas remotas": two outposts sell during day D. The first sends its day; the head office tries to
 * import the BDF of D+1 and is refused, the missing outpost named; the second outpost sends; the head office
 * receives and the import goes through.
 */
@Command(
        name = "remote-sales",
        mixinStandardHelpOptions = true,
        description = "Remote-sales consolidation before the BDF import.")
public final class RemoteSalesExample implements Callable<Integer> {
    @Mixin
    ExampleOptions options = new ExampleOptions();

    /** The reports of the story, in order. */
    public record Story(SyncReport refused, SyncReport imported, List<SyncReport> all) {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new RemoteSalesExample()).execute(args));
    }

    @Override
    public Integer call() {
        Story story = run(options, System.out);
        return story.refused().steps().get(0).status() == StepStatus.REFUSED
                        && story.imported().succeeded()
                ? 0
                : 1;
    }

    public static Story run(ExampleOptions options, PrintStream out) {
        try (SyncEnvironment env = SyncEnvironment.start(options)) {
            List<SyncReport> all = new ArrayList<>();
            ProgressPrinter progress = new ProgressPrinter(out);
            LocalDate day = env.today().minusDays(1);
            PortalPostal headOffice = env.portal(null);
            SyncEngine office = env.engine("head-office", progress);
            List<String> outposts = env.outposts();
            out.println("== head office: full sync registers the outposts " + outposts);
            all.add(show(out, office.run(headOffice.full(Window.day(day)))));

            Path bdf = writeBdf(options.dataDir(), day.plusDays(1), options.agency());
            String first = outposts.get(0);
            out.println("== outpost " + first + " sells and sends its day " + day);
            all.add(show(out, sellAndSend(env, first, day, 3, progress)));
            all.add(show(out, office.run(headOffice.remoteSales().receive(day, office.store()))));

            out.println("== head office tries the BDF import of " + day.plusDays(1) + " too early");
            SyncReport refused = show(out, office.run(headOffice.remoteSales().bdfImport(day.plusDays(1), bdf)));
            all.add(refused);

            for (String other : outposts.subList(1, outposts.size())) {
                out.println("== outpost " + other + " sends its day " + day);
                all.add(show(out, sellAndSend(env, other, day, 2, progress)));
            }
            out.println("== head office receives every outpost, then imports the BDF");
            all.add(show(out, office.run(headOffice.remoteSales().receive(day, office.store()))));
            SyncReport imported = show(out, office.run(headOffice.remoteSales().bdfImport(day.plusDays(1), bdf)));
            all.add(imported);
            return new Story(refused, imported, all);
        }
    }

    private static SyncReport sellAndSend(
            SyncEnvironment env, String outpost, LocalDate day, int sales, ProgressPrinter progress) {
        SyncEngine engine = env.engine("outpost-" + outpost, progress);
        Instant at = day.atTime(15, 0).atZone(Window.SAO_PAULO).toInstant();
        for (int i = 1; i <= sales; i++) {
            RemoteSale sale = new RemoteSale(
                    outpost,
                    "V" + i,
                    day,
                    "C00001",
                    trackingCode(Integer.parseInt(outpost) * 1000 + i),
                    "03220",
                    300 + i,
                    new BigDecimal("22.00"),
                    at);
            RemoteSales.record(engine.store(), sale, engine.node());
        }
        return engine.run(env.portal(outpost).remoteSales().send(day));
    }

    static String trackingCode(int n) {
        String digits = String.format("%08d", 46_000_000 + n);
        return "SS" + digits + BrazilianIds.trackingCheckDigit(digits) + "BR";
    }

    /** A small BDF file of {@code bdfDay}: three sales, one Correios Atende line and the total. */
    static Path writeBdf(Path dir, LocalDate bdfDay, String agency) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("bdf-" + bdfDay + ".txt");
            Files.writeString(
                    file,
                    String.join(
                            "\n",
                            "BDF;" + agency + ";" + bdfDay,
                            "V;" + trackingCode(1) + ";03220;C00001;350;25.50",
                            "V;" + trackingCode(2) + ";03298;C00002;1200;31.00",
                            "V;" + trackingCode(3) + ";03298;C00002;800;31.00",
                            "CA;CA000123;ATENDIMENTO SEDEX;12.30",
                            "T;3;87.50"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the example BDF file in " + dir, e);
        }
    }

    private static SyncReport show(PrintStream out, SyncReport report) {
        out.println(ReportTable.format(report));
        return report;
    }
}
