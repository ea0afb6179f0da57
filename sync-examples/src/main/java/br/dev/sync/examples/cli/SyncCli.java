package br.dev.sync.examples.cli;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.LeaseUnavailableException;
import br.dev.sync.core.Plan;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineQuery;
import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncException;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.Window;
import br.dev.sync.examples.ExampleOptions;
import br.dev.sync.examples.ProgressPrinter;
import br.dev.sync.examples.ReportTable;
import br.dev.sync.examples.SyncEnvironment;
import br.dev.sync.portal.PortalPostal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The terminal front end: runs any Portal Postal plan against a portal and a database, shows progress, prints
 * the report, and exits with a code scripts can rely on.
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        version = "sync 0.1.0",
        description = "Synchronizes a Portal Postal agency's local database with the portal.%n"
                + "Without --base-url and --jdbc-url it runs against an in-process sandbox and H2 files in --data-dir.",
        subcommands = {
            SyncCli.Quick.class,
            SyncCli.Full.class,
            SyncCli.ExportMovement.class,
            SyncCli.SendRemoteSales.class,
            SyncCli.ReceiveRemoteSales.class,
            SyncCli.ImportBdf.class,
            SyncCli.QuarantineList.class,
            SyncCli.QuarantineRetry.class,
            SyncCli.QuarantineDelete.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every step succeeded",
            "1:a step failed (the report says which and why; the next run resumes where it stopped)",
            "2:bad options or configuration",
            "3:a gate refused a step (e.g. outposts missing before the BDF import)",
            "4:the same plan is already running for this node (another process holds its lease)",
            "5:unexpected error"
        })
public final class SyncCli implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int BUSY = 4;
    public static final int ERROR = 5;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (exit codes mapped from the SDK's exceptions). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SyncCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            if (e instanceof LeaseUnavailableException) {
                return BUSY;
            }
            if (e instanceof ConfigurationException || e instanceof CommandLine.ParameterException) {
                return USAGE;
            }
            return e instanceof SyncException ? FAILED : ERROR;
        });
        return cli;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return USAGE;
    }

    /** Options every command shares: where to run, and as which node. */
    abstract static class NodeCommand implements Callable<Integer> {
        @Mixin
        ExampleOptions options = new ExampleOptions();

        @Option(names = "--node", description = "This node's id (default: agency-<agency>).")
        String node;

        @Spec
        CommandLine.Model.CommandSpec spec;

        SyncEngine engine(SyncEnvironment env, br.dev.sync.core.spi.SyncListener listener) {
            return env.engine(node != null ? node : "agency-" + options.agency(), listener);
        }
    }

    /** A command that runs a plan. */
    abstract static class PlanCommand extends NodeCommand {
        abstract Plan plan(SyncEnvironment env, SyncEngine engine);

        String outpost() {
            return null;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SyncEnvironment env = SyncEnvironment.start(options)) {
                SyncEngine engine =
                        env.engine(node != null ? node : "agency-" + options.agency(), new ProgressPrinter(System.out));
                SyncReport report = engine.run(plan(env, engine));
                out.println(ReportTable.format(report));
                out.flush();
                return exitCode(report);
            }
        }

        PortalPostal portal(SyncEnvironment env) {
            return env.portal(outpost());
        }
    }

    static int exitCode(SyncReport report) {
        if (report.succeeded()) {
            return OK;
        }
        boolean refused = report.steps().stream().anyMatch(s -> s.status() == StepStatus.REFUSED);
        boolean failed = report.steps().stream().anyMatch(s -> s.status() == StepStatus.FAILED);
        return failed ? FAILED : refused ? REFUSED : FAILED;
    }

    /** Parses "2026-11-21" or "2026-11-01..2026-11-21". */
    static Window window(String text, Function<Void, LocalDate> today) {
        if (text == null) {
            return Window.day(today.apply(null));
        }
        int dots = text.indexOf("..");
        return dots < 0
                ? Window.day(LocalDate.parse(text))
                : Window.of(LocalDate.parse(text.substring(0, dots)), LocalDate.parse(text.substring(dots + 2)));
    }

    @Command(
            name = "quick",
            mixinStandardHelpOptions = true,
            description = "QUICK: service orders, postal services, pre-postings.")
    static final class Quick extends PlanCommand {
        @Option(names = "--window", paramLabel = "FROM..TO", description = "A day or a period (default: today).")
        String window;

        Plan plan(SyncEnvironment env, SyncEngine engine) {
            return portal(env).quick(window(window, v -> env.today()));
        }
    }

    @Command(name = "full", mixinStandardHelpOptions = true, description = "FULL: master data, QUICK, uploads.")
    static final class Full extends PlanCommand {
        @Option(names = "--window", paramLabel = "FROM..TO", description = "A day or a period (default: today).")
        String window;

        Plan plan(SyncEnvironment env, SyncEngine engine) {
            return portal(env).full(window(window, v -> env.today()));
        }
    }

    @Command(
            name = "export-movement",
            mixinStandardHelpOptions = true,
            description = "Sends every counter sale of a day, per client.")
    static final class ExportMovement extends PlanCommand {
        @Option(names = "--day", required = true, description = "The day of the movement.")
        LocalDate day;

        Plan plan(SyncEnvironment env, SyncEngine engine) {
            return portal(env).exportMovement(day);
        }
    }

    @Command(
            name = "send-remote-sales",
            mixinStandardHelpOptions = true,
            description = "Outpost: sends its sales of a day and closes it.")
    static final class SendRemoteSales extends PlanCommand {
        @Option(names = "--outpost", required = true, description = "This outpost's code, e.g. 0002.")
        String outpostCode;

        @Option(names = "--day", required = true, description = "The day to send and close.")
        LocalDate day;

        @Override
        String outpost() {
            return outpostCode;
        }

        Plan plan(SyncEnvironment env, SyncEngine engine) {
            return portal(env).remoteSales().send(day);
        }
    }

    @Command(
            name = "receive-remote-sales",
            mixinStandardHelpOptions = true,
            description = "Head office: receives every outpost's sales of a day.")
    static final class ReceiveRemoteSales extends PlanCommand {
        @Option(names = "--day", required = true, description = "The day to receive.")
        LocalDate day;

        Plan plan(SyncEnvironment env, SyncEngine engine) {
            return portal(env).remoteSales().receive(day, engine.store());
        }
    }

    @Command(
            name = "import-bdf",
            mixinStandardHelpOptions = true,
            description = "Head office: imports a BDF file, refused until every outpost has sent the day before.")
    static final class ImportBdf extends PlanCommand {
        @Option(names = "--day", required = true, description = "The BDF's day (D+1 of the sales it balances).")
        LocalDate day;

        @Option(names = "--file", required = true, description = "The BDF file.")
        Path file;

        Plan plan(SyncEnvironment env, SyncEngine engine) {
            return Plan.of("import BDF " + day, portal(env).remoteSales().bdfImport(day, file));
        }
    }

    /** A command on the quarantine. */
    abstract static class QuarantineCommand extends NodeCommand {
        abstract int run(SyncEngine engine, PrintWriter out);

        @Override
        public Integer call() {
            try (SyncEnvironment env = SyncEnvironment.start(options)) {
                PrintWriter out = spec.commandLine().getOut();
                int code = run(engine(env, e -> {}), out);
                out.flush();
                return code;
            }
        }
    }

    @Command(
            name = "quarantine-list",
            mixinStandardHelpOptions = true,
            description = "Lists quarantined records and why they were kept aside.")
    static final class QuarantineList extends QuarantineCommand {
        @Option(names = "--stream", description = "Only this stream.")
        String stream;

        int run(SyncEngine engine, PrintWriter out) {
            List<QuarantineEntry> entries = engine.quarantine().list(new QuarantineQuery(stream, null, 0, 1000));
            for (QuarantineEntry e : entries) {
                out.printf(
                        "#%d %s %s [%s, %d attempts] %s%n",
                        e.id(), e.stream(), e.key(), e.stage(), e.attempts(), e.reason());
            }
            out.println(entries.size() + " quarantined");
            return OK;
        }
    }

    @Command(
            name = "quarantine-retry",
            mixinStandardHelpOptions = true,
            description = "Retries quarantined records by id.")
    static final class QuarantineRetry extends QuarantineCommand {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Ids from quarantine-list.")
        List<Long> ids;

        int run(SyncEngine engine, PrintWriter out) {
            int failed = 0;
            for (long id : ids) {
                boolean taken = engine.quarantine().retry(id);
                out.println("#" + id
                        + (taken
                                ? " taken"
                                : " failed again: "
                                        + engine.quarantine()
                                                .get(id)
                                                .map(QuarantineEntry::reason)
                                                .orElse("")));
                failed += taken ? 0 : 1;
            }
            return failed == 0 ? OK : FAILED;
        }
    }

    @Command(
            name = "quarantine-delete",
            mixinStandardHelpOptions = true,
            description = "Deletes quarantined records by id (they are gone for good).")
    static final class QuarantineDelete extends QuarantineCommand {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Ids from quarantine-list.")
        List<Long> ids;

        int run(SyncEngine engine, PrintWriter out) {
            for (long id : ids) {
                out.println("#" + id + (engine.quarantine().delete(id) ? " deleted" : " not found"));
            }
            return OK;
        }
    }
}
