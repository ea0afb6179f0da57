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
                        "--warm-rounds",
                        "2",
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
        // CPU is given where the clock covers the whole case, never for the ceilings (their decoding is untimed)
        assertThat(results).filteredOn(r -> r.label().startsWith("ceiling")).allMatch(r -> r.cpu() == null);
        assertThat(results)
                .filteredOn(r -> !r.label().startsWith("ceiling"))
                .allSatisfy(r -> assertThat(r.cpu().client()).isPositive());
    }

    @Test
    void aResultTravelsFromTheChildJvmToItsParentWhole() {
        Result r = new Result(
                "SDK pull, mapped table", "postgresql", 100_000, 7.5, 90, 30, new CpuMeter.Cpu(6.25, 3.5, 4.0), "");
        Result missing = Result.missing("push", "h2", 10, "OutOfMemoryError: a | b");

        assertThat(Result.parse(r.line())).isEqualTo(r);
        assertThat(Result.parse(missing.line()).note()).isEqualTo("OutOfMemoryError: a / b");
        assertThat(Result.parse(missing.line()).cpu()).isNull();
        assertThat(ResultTable.cpu(r)).isEqualTo("6.3/3.5/4.0");
    }

    @Test
    void theCpuMeterSeesThisJvmWork() {
        CpuMeter meter = new CpuMeter();
        long x = 0;
        for (int i = 0; i < 50_000_000; i++) {
            x += Integer.toString(i).length();
        }
        assertThat(x).isPositive();
        assertThat(meter.spent().client()).isPositive();
    }
}
