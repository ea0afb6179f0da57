package br.dev.sync.examples;

import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.Window;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Example 1, "Sincronizar pré-postagens": the QUICK plan of Portal Postal for today (service orders, postal
 * services and pre-postings), run twice: the second run finds nothing new.
 */
@Command(
        name = "pre-posting-sync",
        mixinStandardHelpOptions = true,
        description = "Quick sync of today's pre-postings.")
public final class PrePostingSyncExample implements Callable<Integer> {
    @Mixin
    ExampleOptions options = new ExampleOptions();

    public static void main(String[] args) {
        System.exit(new CommandLine(new PrePostingSyncExample()).execute(args));
    }

    @Override
    public Integer call() {
        SyncReport[] reports = run(options, System.out);
        return reports[0].succeeded() && reports[1].succeeded() ? 0 : 1;
    }

    /** Runs the example; answers the reports of the first and the second QUICK run. */
    public static SyncReport[] run(ExampleOptions options, PrintStream out) {
        try (SyncEnvironment env = SyncEnvironment.start(options)) {
            SyncEngine agency = env.engine("agency-" + options.agency(), new ProgressPrinter(out));
            Window today = Window.day(env.today());
            out.println("== quick sync for " + today);
            SyncReport first = agency.run(env.portal(null).quick(today));
            out.println(ReportTable.format(first));
            out.println("== the same quick sync again: nothing new to apply");
            SyncReport second = agency.run(env.portal(null).quick(today));
            out.println(ReportTable.format(second));
            return new SyncReport[] {first, second};
        }
    }
}
