package br.dev.sync.examples.bench;

/**
 * The clock of a ceiling, which runs only while a page is written: its wall time, and the CPU seconds the client,
 * the server and the database spent inside those intervals (fetching and decoding the pages between them are left
 * out). The readings of other processes' CPU (a walk of {@code /proc}) are taken outside the client's own
 * interval, so that their cost is not counted as the ceiling's. Not thread-safe.
 */
final class Stopwatch {
    private long nanos;
    private CpuMeter.Cpu spent = new CpuMeter.Cpu(0, 0, 0, 0);
    private long startedAt;
    private CpuMeter.Cpu startedWith;

    void start() {
        CpuMeter.Cpu others = CpuMeter.others();
        startedWith = others.withClient(CpuMeter.client());
        startedAt = System.nanoTime();
    }

    void stop() {
        long now = System.nanoTime();
        double client = CpuMeter.client();
        CpuMeter.Cpu others = CpuMeter.others();
        nanos += now - startedAt;
        spent = spent.plus(others.withClient(client).minus(startedWith));
    }

    long nanos() {
        return nanos;
    }

    CpuMeter.Cpu cpu() {
        return spent;
    }
}
