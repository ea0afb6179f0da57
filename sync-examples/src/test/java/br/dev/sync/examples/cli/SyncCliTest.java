package br.dev.sync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's exit codes and output, run in-process against the sandbox and H2 files. */
class SyncCliTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = SyncCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpExplainsEveryOptionAndTheExitCodes() {
        assertThat(run("quick", "--help")).isZero();
        assertThat(out.toString()).contains("--base-url", "--jdbc-url", "--password-env", "--window", "--data-dir");
        out.getBuffer().setLength(0);
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:", "3   a gate refused a step");
    }

    @Test
    void aQuickSyncSucceedsAndPrintsTheReport(@TempDir Path dir) {
        int code = run(
                "quick", "--data-dir", dir.toString(), "--pre-postings", "300", "--window", "2026-11-20..2026-11-22");

        assertThat(code).isEqualTo(SyncCli.OK);
        assertThat(out.toString()).contains("plan portal-quick", "pull pre-postings", "SUCCEEDED");
        assertThat(Files.exists(dir.resolve("agency-0042.mv.db"))).isTrue();
    }

    @Test
    void aRefusedBdfImportExitsWithThree(@TempDir Path dir) throws Exception {
        Path bdf = Files.writeString(dir.resolve("bdf.txt"), "BDF;0042;2026-11-22\nT;0;0.00\n");
        assertThat(run("full", "--data-dir", dir.toString(), "--pre-postings", "50", "--window", "2026-11-21"))
                .isZero();

        int code = run(
                "import-bdf",
                "--data-dir",
                dir.toString(),
                "--pre-postings",
                "50",
                "--day",
                "2026-11-22",
                "--file",
                bdf.toString());

        assertThat(code).isEqualTo(SyncCli.REFUSED);
        assertThat(out.toString())
                .contains("REFUSED", "outposts 0001 and 0002 have not sent their sales for 2026-11-21");
    }

    @Test
    void aMissingPasswordVariableIsAUsageError() {
        int code = run(
                "quick",
                "--base-url",
                "http://127.0.0.1:9",
                "--login",
                "x",
                "--password-env",
                "SYNC_CLI_TEST_UNSET_VARIABLE");

        assertThat(code).isEqualTo(SyncCli.USAGE);
        assertThat(err.toString()).contains("SYNC_CLI_TEST_UNSET_VARIABLE");
    }

    @Test
    void anEmptyQuarantineIsListed(@TempDir Path dir) {
        assertThat(run("quarantine-list", "--data-dir", dir.toString(), "--pre-postings", "10"))
                .isZero();
        assertThat(out.toString()).contains("0 quarantined");
    }
}
