package br.dev.sync.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarmupTest {
    private final List<String> prefixes = new ArrayList<>();
    private final AtomicLong compileMillis = new AtomicLong();

    /** A round of about 20 ms of which the compilers take {@code compiledMs}. */
    private Warmup.Round round(long... compiledMs) {
        return prefix -> {
            prefixes.add(prefix);
            Thread.sleep(20);
            compileMillis.addAndGet(compiledMs[Math.min(prefixes.size(), compiledMs.length) - 1]);
        };
    }

    @Test
    void runsUntilARoundSpendsUnderFivePercentCompiling() throws Exception {
        Warmup.Done done = Warmup.run("bench_t_", round(15, 8, 0, 9), compileMillis::get, 10);

        assertThat(done.rounds()).isEqualTo(3);
        assertThat(done.lastCompileShare()).isZero();
        assertThat(prefixes).containsExactly("bench_t_warm1_", "bench_t_warm2_", "bench_t_warm3_");
        assertThat(done.line()).isEqualTo("warm-up 3 rounds, compiling 0% of the last");
    }

    @Test
    void stopsAtTheMostRoundsWhenTheCompilersNeverSettle() throws Exception {
        Warmup.Done done = Warmup.run("bench_t_", round(50), compileMillis::get, 4);

        assertThat(done.rounds()).isEqualTo(4);
        assertThat(done.lastCompileShare()).isGreaterThan(Warmup.SETTLED);
        assertThat(prefixes).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void runsOneRoundAtLeast() throws Exception {
        Warmup.Done done = Warmup.run("bench_t_", round(50), compileMillis::get, 0);

        assertThat(done.rounds()).isEqualTo(1);
        assertThat(prefixes).containsExactly("bench_t_warm1_");
    }
}
