package br.dev.sync.examples;

import br.dev.sync.core.SyncEvent;
import br.dev.sync.core.spi.SyncListener;
import java.io.PrintStream;
import java.util.Locale;

/** A listener that draws a text progress bar per step and says when records are quarantined. Thread-safe. */
public final class ProgressPrinter implements SyncListener {
    private static final int WIDTH = 30;
    private final PrintStream out;

    public ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onEvent(SyncEvent event) {
        if (event instanceof SyncEvent.StepStarted s) {
            out.println("> " + s.step());
        } else if (event instanceof SyncEvent.Progress p && p.total() > 0) {
            int filled = (int) Math.round(p.fraction() * WIDTH);
            out.printf(
                    Locale.ROOT,
                    "  [%s%s] %6d/%d  %,.0f rec/s%n",
                    "#".repeat(filled),
                    ".".repeat(WIDTH - filled),
                    p.done(),
                    p.total(),
                    p.ratePerSecond());
        } else if (event instanceof SyncEvent.RecordQuarantined q) {
            out.println("  quarantined " + q.entry().stream() + " " + q.entry().key() + ": "
                    + q.entry().reason());
        } else if (event instanceof SyncEvent.StepFinished f) {
            out.println("< " + f.report().step() + " " + f.report().status());
        }
    }
}
