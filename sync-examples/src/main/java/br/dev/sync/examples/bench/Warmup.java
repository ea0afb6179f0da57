package br.dev.sync.examples.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * The warm-up of a measured JVM: rounds of the case's own work on its first pages, each round into tables of its
 * own, until the JIT compilers settle (they spent less than {@link #SETTLED} of the last round's time compiling)
 * or {@code maxRounds} ran. A JVM that has run 30 pages once is still compiling Jackson, Hibernate Validator, the
 * driver and the engine for seconds after, on the same cores as the work measured; an ERP that keeps the SDK
 * loaded pays that once, so the figures are of the settled JVM. The cold cost shows in the per-thread CPU
 * figures of a run with {@code --warm-rounds 1}.
 */
final class Warmup {
    /** The system property with the most rounds a case runs before its clock starts. */
    static final String MAX_ROUNDS = "bench.warmRounds";

    static final int DEFAULT_MAX_ROUNDS = 10;

    /** Compile time over wall time of a round below which the compilers count as settled. */
    static final double SETTLED = 0.05;

    /** One round of warm-up work, into tables whose names start with {@code prefix}. */
    @FunctionalInterface
    interface Round {
        void run(String prefix) throws Exception;
    }

    /** What the warm-up did: its rounds, and the compile share of the last one. */
    record Done(int rounds, double lastCompileShare) {
        String line() {
            return String.format("warm-up %d rounds, compiling %.0f%% of the last", rounds, 100 * lastCompileShare);
        }
    }

    private Warmup() {}

    static int maxRounds() {
        return Integer.getInteger(MAX_ROUNDS, DEFAULT_MAX_ROUNDS);
    }

    /** Runs rounds of {@code round} with prefixes {@code base + "warm" + n + "_"} until settled. */
    static Done run(String base, Round round) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return run(base, round, jit::getTotalCompilationTime, maxRounds());
    }

    /** As above, with the compilers' total time in milliseconds read from {@code compileMillis}. */
    static Done run(String base, Round round, LongSupplier compileMillis, int maxRounds) throws Exception {
        double share = Double.NaN;
        int n = 0;
        while (n < Math.max(1, maxRounds)) {
            n++;
            long compiled = compileMillis.getAsLong();
            long t0 = System.nanoTime();
            round.run(base + "warm" + n + "_");
            double wallMs = (System.nanoTime() - t0) / 1e6;
            share = (compileMillis.getAsLong() - compiled) / Math.max(1.0, wallMs);
            if (share < SETTLED) {
                break;
            }
        }
        return new Done(n, share);
    }
}
