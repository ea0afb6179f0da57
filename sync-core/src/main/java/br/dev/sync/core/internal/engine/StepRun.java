package br.dev.sync.core.internal.engine;

import br.dev.sync.core.Difference;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.StepContext;
import br.dev.sync.core.StepReport;
import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncEvent;
import br.dev.sync.core.Window;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.SyncListener;
import br.dev.sync.core.spi.SyncStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The counters and event emission of one running step. */
public final class StepRun implements StepContext {
    private final String runId;
    private final String step;
    private final String stream;
    private final String node;
    private final SyncStore store;
    private final Window window;
    private final Clock clock;
    private final SyncListener listener;
    private final long startNanos = System.nanoTime();
    final AtomicLong received = new AtomicLong();
    final AtomicLong applied = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong conflicts = new AtomicLong();
    final AtomicLong quarantined = new AtomicLong();
    final AtomicLong pushed = new AtomicLong();
    private final List<Difference> differences = Collections.synchronizedList(new ArrayList<>());

    public StepRun(
            String runId,
            String step,
            String stream,
            String node,
            SyncStore store,
            Window window,
            Clock clock,
            SyncListener listener) {
        this.runId = runId;
        this.step = step;
        this.stream = stream;
        this.node = node;
        this.store = store;
        this.window = window;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String step() {
        return step;
    }

    public String stream() {
        return stream;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public SyncStore store() {
        return store;
    }

    @Override
    public Window window() {
        return window;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    public SyncListener listener() {
        return listener;
    }

    @Override
    public void received(long n) {
        received.addAndGet(n);
    }

    @Override
    public void applied(long n) {
        applied.addAndGet(n);
    }

    @Override
    public void unchanged(long n) {
        unchanged.addAndGet(n);
    }

    @Override
    public void pushed(long n) {
        pushed.addAndGet(n);
    }

    public void conflict(String key, String outcome) {
        conflicts.incrementAndGet();
        listener.onEvent(new SyncEvent.ConflictResolved(runId, stream, key, outcome));
    }

    /** Counts and announces entries a store has just stored. */
    public void quarantined(QuarantineEntry stored) {
        quarantined.incrementAndGet();
        listener.onEvent(new SyncEvent.RecordQuarantined(runId, stored));
    }

    @Override
    public QuarantineEntry quarantine(QuarantineEntry entry) {
        var result = store.apply(ApplyBatch.of(entry.stream(), List.of()).withQuarantine(List.of(entry)));
        QuarantineEntry stored = entry.withId(
                result.quarantineIds().isEmpty() ? 0 : result.quarantineIds().get(0));
        quarantined(stored);
        return stored;
    }

    @Override
    public void difference(Difference difference) {
        differences.add(difference);
    }

    @Override
    public void progress(long done, long total) {
        long shown = total >= 0 ? Math.min(done, total) : done;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        listener.onEvent(new SyncEvent.Progress(runId, step, stream, shown, total, seconds <= 0 ? 0 : shown / seconds));
    }

    public StepReport report(StepStatus status, String error) {
        return new StepReport(
                step,
                stream,
                status,
                received.get(),
                applied.get(),
                unchanged.get(),
                conflicts.get(),
                quarantined.get(),
                pushed.get(),
                Duration.ofNanos(System.nanoTime() - startNanos),
                List.copyOf(differences),
                error);
    }
}
