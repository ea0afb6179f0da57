package br.dev.sync.examples;

import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The main demo: the three examples in a row on embedded defaults (an in-process Portal Postal sandbox and H2
 * databases under {@code ./sync-data/demo}, cleared first), each stage with progress bars and its report.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Quick sync, full sync and remote-sales consolidation.")
public final class Demo implements Callable<Integer> {
    @Mixin
    ExampleOptions options = ExampleOptions.embedded(Path.of("sync-data", "demo"));

    public static void main(String[] args) {
        System.exit(new CommandLine(new Demo()).execute(args));
    }

    @Override
    public Integer call() {
        return run(options, System.out) ? 0 : 1;
    }

    /** Runs the three stages; true when each ended as the story says. */
    public static boolean run(ExampleOptions options, PrintStream out) {
        out.println("### 1/3 pre-posting sync");
        SyncReport[] quick = PrePostingSyncExample.run(options, out);
        out.println("### 2/3 full sync");
        SyncReport full = FullSyncExample.run(options, out);
        out.println("### 3/3 remote-sales consolidation");
        RemoteSalesExample.Story story = RemoteSalesExample.run(options, out);
        boolean ok = quick[0].succeeded()
                && quick[1].succeeded()
                && full.succeeded()
                && story.refused().steps().get(0).status() == StepStatus.REFUSED
                && story.imported().succeeded();
        out.println(
                ok
                        ? "Demo finished: every stage ended as expected."
                        : "Demo finished with unexpected results (see above).");
        return ok;
    }
}
