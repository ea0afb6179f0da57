package br.dev.sync.examples;

import br.dev.sync.core.SyncEvent;
import br.dev.sync.core.spi.SyncListener;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A listener that shows progress per running step, and prints quarantined records and step ends. On a terminal
 * each step gets a live progress bar (the progressbar library); when the output is a file or a pipe, a plain line
 * is printed at each quarter instead, so logs stay readable.
 *
 * <p>Thread-safe: parallel steps get a bar each.
 */
public final class ProgressPrinter implements SyncListener {
    private final PrintStream out;
    private final boolean live;
    private final Map<String, ProgressBar> bars = new HashMap<>();
    private final Map<String, Integer> quarters = new HashMap<>();

    /** Live bars when this JVM has a console, plain lines otherwise. */
    public ProgressPrinter(PrintStream out) {
        this(out, System.console() != null && out == System.out);
    }

    public ProgressPrinter(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    @Override
    public synchronized void onEvent(SyncEvent event) {
        if (event instanceof SyncEvent.Progress p) {
            if (live) {
                bar(p);
            } else {
                line(p);
            }
        } else if (event instanceof SyncEvent.RecordQuarantined q) {
            out.println("  quarantined " + q.entry().stream() + " " + q.entry().key() + ": "
                    + q.entry().reason());
        } else if (event instanceof SyncEvent.StepFinished f) {
            ProgressBar bar = bars.remove(f.report().step());
            if (bar != null) {
                bar.close();
            }
            quarters.remove(f.report().step());
            out.println("  " + f.report().step() + ": " + f.report().status()
                    + (f.report().error() == null ? "" : " - " + f.report().error()));
        }
    }

    private void bar(SyncEvent.Progress p) {
        ProgressBar bar = bars.computeIfAbsent(
                p.step(),
                step -> new ProgressBarBuilder()
                        .setTaskName(step)
                        .setInitialMax(p.total())
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" rec", 1)
                        .showSpeed()
                        .setConsumer(new ConsoleProgressBarConsumer(out, 100))
                        .build());
        if (p.total() >= 0) {
            bar.maxHint(p.total());
        }
        bar.stepTo(p.done());
    }

    private void line(SyncEvent.Progress p) {
        int quarter = p.total() > 0 ? (int) Math.floor(p.fraction() * 4) : 0;
        Integer last = quarters.put(p.step(), quarter);
        if (last == null || quarter > last) {
            out.printf(
                    Locale.ROOT,
                    "  %s: %d/%s records, %,.0f rec/s%n",
                    p.step(),
                    p.done(),
                    p.total() >= 0 ? String.valueOf(p.total()) : "?",
                    p.ratePerSecond());
        }
    }
}
