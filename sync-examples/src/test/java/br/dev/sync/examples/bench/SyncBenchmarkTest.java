package br.dev.sync.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A smoke run of the benchmark on H2 with 1,000 rows, in this JVM: a figure per case, each a sane rate. */
class SyncBenchmarkTest {
    @Test
    void everyCaseGivesAPositiveRateOnH2() {
        SyncBenchmark bench = new SyncBenchmark();
        int exit = new CommandLine(bench)
                .execute(
                        "--rows",
                        "1000",
                        "--databases",
                        "h2",
                        "--in-process",
                        "--only",
                        "ceiling,pull,pull-generic,conflict,naive,push");

        List<Result> results =
                bench.table().stream().map(ResultTable.Row::result).toList();
        assertThat(exit).isZero();
        assertThat(results)
                .extracting(Result::label)
                .containsExactly(
                        "ceiling upsert, insert",
                        "ceiling upsert, update",
                        "SDK pull, mapped table",
                        "SDK pull, generic table",
                        "SDK pull, 10% conflicts",
                        "naive (list + row commits)",
                        "SDK push (outbox to server)");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.note()).isEmpty();
            assertThat(r.rows()).isEqualTo(1000);
            assertThat(r.rowsPerSecond()).isBetween(1.0, 10_000_000.0);
        });
    }
}
