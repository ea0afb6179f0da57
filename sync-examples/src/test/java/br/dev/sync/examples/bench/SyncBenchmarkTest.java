package br.dev.sync.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A smoke run of the benchmark on H2 with 1,000 rows, in this JVM: a figure per case, each a sane rate. */
class SyncBenchmarkTest {
    /** Runs the cases on H2 with 1,000 rows in this JVM; answers the exit code. */
    private static int onH2(SyncBenchmark bench, int warmRounds, String cases) {
        return new CommandLine(bench)
                .execute(
                        "--rows",
                        "1000",
                        "--databases",
                        "h2",
                        "--in-process",
                        "--warm-rounds",
                        String.valueOf(warmRounds),
                        "--only",
                        cases);
    }

    @Test
    void everyCaseGivesAPositiveRateOnH2() {
        SyncBenchmark bench = new SyncBenchmark();
        int exit = onH2(bench, 2, "ceiling,pull,pull-generic,conflict,naive,push");

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
        // every case gives the CPU of what its clock covers (for a ceiling, only the intervals it writes in: a
        // 1,000-row ceiling may stay under the 10 ms the process CPU clock counts in)
        assertThat(results)
                .filteredOn(r -> r.label().startsWith("ceiling"))
                .allSatisfy(r -> assertThat(r.cpu().client()).isNotNegative());
        assertThat(results)
                .filteredOn(r -> !r.label().startsWith("ceiling"))
                .allSatisfy(r -> assertThat(r.cpu().client()).isPositive());
        assertThat(results).allSatisfy(r -> assertThat(r.cpu().steal()).isNotNegative());
    }

    @Test
    void theUpdateCasesPullEveryRowAgainAsANewerVersionAndCompareWithTheUpdateCeiling() {
        SyncBenchmark bench = new SyncBenchmark();
        int exit = onH2(bench, 1, "ceiling,pull-update,pull-portal-update");

        List<ResultTable.Row> rows = bench.table();
        assertThat(exit).isZero();
        assertThat(rows)
                .extracting(row -> row.result().label())
                .containsExactly(
                        "ceiling upsert, insert",
                        "ceiling upsert, update",
                        "SDK pull, mapped table, update",
                        "SDK pull, Portal table, update");
        // an empty note means the pull applied all 1,000 rows: each was newer than the one the load stored
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.result().note()).isEmpty();
            assertThat(row.result().rows()).isEqualTo(1000);
        });
        ResultTable.Row update = rows.get(2);
        double ceiling = rows.get(1).result().rowsPerSecond();
        assertThat(ResultTable.ratioOf(update, rows).getAsDouble())
                .isCloseTo(update.result().rowsPerSecond() / ceiling, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void touchingThePrePostingsGivesEachANewWeightAndALaterUpdateTime() throws Exception {
        try (PortalSandbox sandbox =
                PortalSandbox.start(SandboxOptions.defaults().withPrePostings(50))) {
            ObjectMapper json = new ObjectMapper();
            Map<String, JsonNode> before = new HashMap<>();
            for (String r : sandbox.records("pre-postagens")) {
                JsonNode n = json.readTree(r);
                before.put(n.path("codigoObjeto").asText(), n);
            }

            assertThat(SyncBenchmark.touchAll(sandbox)).isEqualTo(50);

            List<String> after = sandbox.records("pre-postagens");
            assertThat(after).hasSize(50);
            for (String r : after) {
                JsonNode n = json.readTree(r);
                JsonNode old = before.get(n.path("codigoObjeto").asText());
                assertThat(old).isNotNull();
                assertThat(LocalDateTime.parse(n.path("atualizadoEm").asText()))
                        .isAfter(LocalDateTime.parse(old.path("atualizadoEm").asText()));
                assertThat(n.path("pesoInformado").asText())
                        .isNotEqualTo(old.path("pesoInformado").asText());
            }
        }
    }

    @Test
    void aResultTravelsFromTheChildJvmToItsParentWhole() {
        Result r = new Result(
                "SDK pull, mapped table",
                "postgresql",
                100_000,
                7.5,
                90,
                30,
                new CpuMeter.Cpu(6.25, 3.5, 4.0, 1.5),
                "");
        Result missing = Result.missing("push", "h2", 10, "OutOfMemoryError: a | b");

        assertThat(Result.parse(r.line())).isEqualTo(r);
        assertThat(Result.parse(missing.line()).note()).isEqualTo("OutOfMemoryError: a / b");
        assertThat(Result.parse(missing.line()).cpu()).isNull();
        assertThat(ResultTable.cpu(r)).isEqualTo("6.3/3.5/4.0");
    }

    @Test
    void stealIsReadFromTheFirstLineOfProcStat() {
        assertThat(CpuMeter.steal("cpu  67426 0 9548 1108429 1489 0 2091 48172 0 0"))
                .isEqualTo(481.72);
        assertThat(CpuMeter.steal("cpu  67426 0 9548 1108429 1489 0 2091")).isZero(); // a kernel without steal
        assertThat(CpuMeter.steal("cpu0 1 2 3 4 5 6 7 8 9 10")).isZero(); // not the machine's line
    }

    @Test
    void theStolenShareIsOfTheProcessorTimeTheMachineHadInTheWallTime() {
        CpuMeter.Cpu cpu = new CpuMeter.Cpu(1, 1, 1, 4);

        assertThat(cpu.stolenShare(10, 2)).isEqualTo(0.2);
        assertThat(cpu.stolenShare(1, 2)).isEqualTo(1.0); // clamped: more than all of it cannot be stolen
        assertThat(new CpuMeter.Cpu(1, 1, 1, -0.01).stolenShare(10, 2)).isZero();
        assertThat(cpu.stolenShare(0, 2)).isZero();
        assertThat(cpu.minus(new CpuMeter.Cpu(0, 0, 0, 1.5)).steal()).isEqualTo(2.5);
    }

    @Test
    void aFigureTakenUnderStealIsFlaggedInBothTables() {
        int processors = Runtime.getRuntime().availableProcessors();
        ResultTable.Row stolen = new ResultTable.Row(
                new Result(
                        "SDK pull, mapped table",
                        "mariadb",
                        100_000,
                        20,
                        90,
                        30,
                        new CpuMeter.Cpu(10, 1, 8, 0.4 * 20 * processors),
                        ""),
                1.0,
                2);
        List<ResultTable.Row> rows = List.of(row("ceiling upsert, insert", 10.0, 2), stolen);

        assertThat(ResultTable.steal(stolen.result())).isEqualTo("40%");
        assertThat(ResultTable.steal(rows.get(0).result())).isEqualTo("0%");
        assertThat(ResultTable.stealWarnings(rows))
                .isEqualTo("warning: SDK pull, mapped table on mariadb (100,000 rows, round 2) ran while the"
                        + " hypervisor took 40% of the machine's processor time; do not compare it with figures"
                        + " taken without steal, run it again on a quiet machine" + System.lineSeparator());
        assertThat(ResultTable.format(rows)).contains("40%").endsWith(ResultTable.stealWarnings(rows));
        assertThat(ResultTable.markdown(rows)).contains(" | 40% | ").contains("hypervisor took 40%");
        assertThat(ResultTable.stealWarnings(List.of(rows.get(0)))).isEmpty();
    }

    @Test
    void aRatioIsToTheCeilingOfItsOwnRoundAndTheSummaryGivesMedians() {
        List<ResultTable.Row> rows = List.of(
                row("ceiling upsert, insert", 10.0, 1), // 10,000 rows/s
                row("SDK pull, mapped table", 12.5, 1), // 8,000: 0.80 of its round's ceiling
                row("ceiling upsert, insert", 20.0, 2), // 5,000: a slow round
                row("SDK pull, mapped table", 25.0, 2), // 4,000: 0.80 again, though half the first round's speed
                row("ceiling upsert, insert", 10.0, 3),
                row("SDK pull, mapped table", 20.0, 3), // 5,000: 0.50
                row("ceiling upsert, insert", 10.0, 4),
                row("SDK pull, mapped table", 10.0, 4)); // 10,000: 1.00

        assertThat(ResultTable.ratio(rows.get(1), rows)).isEqualTo("0.80");
        assertThat(ResultTable.ratio(rows.get(3), rows)).isEqualTo("0.80");
        assertThat(ResultTable.ratio(rows.get(5), rows)).isEqualTo("0.50");
        assertThat(ResultTable.summary(rows))
                .containsPattern("ceiling upsert, insert +mariadb +100,000 +4 +10,000 \\(5,000-10,000\\) +1\\.00")
                .containsPattern("SDK pull, mapped table +mariadb +100,000 +4 +6,500 \\(4,000-10,000\\) +0\\.80"
                        + " \\(0\\.50-1\\.00\\)");
        assertThat(ResultTable.median(new double[] {1, 2, 9})).isEqualTo(2);
        assertThat(ResultTable.median(new double[] {1, 2, 4, 9})).isEqualTo(3);
    }

    @Test
    void aRatioIsMissingWhenItsRoundHasNoCeiling() {
        List<ResultTable.Row> rows =
                List.of(row("ceiling upsert, insert", 10.0, 1), row("SDK pull, mapped table", 12.5, 2));

        assertThat(ResultTable.ratio(rows.get(1), rows)).isEqualTo("-");
        assertThat(ResultTable.summary(rows)).containsPattern("SDK pull, mapped table .* 8,000 \\(8,000-8,000\\) +-");
    }

    private static ResultTable.Row row(String label, double seconds, int round) {
        return new ResultTable.Row(
                new Result(label, "mariadb", 100_000, seconds, 90, 30, new CpuMeter.Cpu(1, 1, 1, 0), ""), 1.0, round);
    }

    @Test
    void aStopwatchCountsOnlyTheCpuSpentWhileItRuns() {
        Stopwatch clock = new Stopwatch();
        for (int i = 0; i < 3; i++) {
            clock.start();
            spin(40);
            clock.stop();
            spin(200);
        }

        // 120 ms spun inside, 600 outside; the JVM's own threads may add a little inside
        assertThat(clock.cpu().client()).isBetween(0.11, 0.40);
        assertThat(clock.nanos()).isGreaterThanOrEqualTo(120_000_000L);
    }

    /** Spends {@code millis} of this thread's CPU. */
    private static void spin(long millis) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
        long x = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            x += Long.toString(x).length();
        }
        assertThat(x).isPositive();
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
