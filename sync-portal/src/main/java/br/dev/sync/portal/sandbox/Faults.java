package br.dev.sync.portal.sandbox;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault switches of a sandbox, changed while it runs: a delay before every answer, a share of list and upload
 * requests answered 503, a share whose connection is dropped before the answer, a share of list answers cut off
 * half-way, a share of pages answered with the previous page again, and a share of served records made malformed. Counters say how many faults were injected.
 *
 * <p>Thread-safe. Random choices come from a seeded generator, so a run is repeatable for the same requests.
 */
public final class Faults {
    private final Random random;
    private volatile Duration delay = Duration.ZERO;
    private volatile double serverErrorRate;
    private volatile double dropRate;
    private volatile double duplicatePageRate;
    private volatile double malformedRate;
    private volatile double cutRate;
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong drops = new AtomicLong();
    final AtomicLong duplicatedPages = new AtomicLong();
    final AtomicLong malformedRecords = new AtomicLong();
    final AtomicLong cutAnswers = new AtomicLong();

    Faults(long seed) {
        this.random = new Random(seed);
    }

    public Faults delay(Duration d) {
        delay = d;
        return this;
    }

    /** Answers this share (0 to 1) of list and upload requests with 503. */
    public Faults serverErrors(double rate) {
        serverErrorRate = rate;
        return this;
    }

    /** Drops the connection of this share of list and upload requests (after doing the work, before answering). */
    public Faults drops(double rate) {
        dropRate = rate;
        return this;
    }

    /** Answers this share of list requests with the page served before, instead of the one asked for. */
    public Faults duplicatePages(double rate) {
        duplicatePageRate = rate;
        return this;
    }

    /** Makes this share of served records malformed (a weight that is not a number, a broken tracking code). */
    public Faults malformedRecords(double rate) {
        malformedRate = rate;
        return this;
    }

    /** Sends only the first half of this share of list answers, then closes the connection. */
    public Faults cutAnswers(double rate) {
        cutRate = rate;
        return this;
    }

    /** Turns every fault off. */
    public Faults none() {
        return delay(Duration.ZERO)
                .serverErrors(0)
                .drops(0)
                .duplicatePages(0)
                .malformedRecords(0)
                .cutAnswers(0);
    }

    public long cutAnswersInjected() {
        return cutAnswers.get();
    }

    public long serverErrorsInjected() {
        return serverErrors.get();
    }

    public long dropsInjected() {
        return drops.get();
    }

    public long duplicatedPagesInjected() {
        return duplicatedPages.get();
    }

    public long malformedRecordsInjected() {
        return malformedRecords.get();
    }

    Duration delay() {
        return delay;
    }

    boolean serverError() {
        return roll(serverErrorRate, serverErrors);
    }

    boolean drop() {
        return roll(dropRate, drops);
    }

    boolean duplicatePage() {
        return roll(duplicatePageRate, duplicatedPages);
    }

    boolean cut() {
        return roll(cutRate, cutAnswers);
    }

    boolean malformed() {
        return roll(malformedRate, malformedRecords);
    }

    private boolean roll(double rate, AtomicLong counter) {
        if (rate <= 0) {
            return false;
        }
        boolean hit;
        synchronized (random) {
            hit = random.nextDouble() < rate;
        }
        if (hit) {
            counter.incrementAndGet();
        }
        return hit;
    }
}
