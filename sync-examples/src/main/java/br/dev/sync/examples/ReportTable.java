package br.dev.sync.examples;

import br.dev.sync.core.StepReport;
import br.dev.sync.core.SyncReport;
import java.util.Locale;

/** Prints a run report as a plain-text table. Stateless and thread-safe. */
public final class ReportTable {
    private ReportTable() {}

    public static String format(SyncReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Run %s of plan %s on node %s: %s in %.2f s%n",
                report.runId().substring(0, 8),
                report.plan(),
                report.node(),
                report.succeeded() ? "SUCCEEDED" : "NOT SUCCEEDED",
                report.took().toMillis() / 1000.0));
        String header = String.format(
                Locale.ROOT,
                "%-34s %-10s %9s %9s %9s %9s %11s %8s %9s%n",
                "step",
                "status",
                "received",
                "applied",
                "unchanged",
                "conflicts",
                "quarantined",
                "pushed",
                "time (s)");
        out.append(header);
        out.append("-".repeat(header.length() - 1)).append(System.lineSeparator());
        for (StepReport s : report.steps()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-34s %-10s %9d %9d %9d %9d %11d %8d %9.2f%n",
                    s.step(),
                    s.status(),
                    s.received(),
                    s.applied(),
                    s.unchanged(),
                    s.conflicts(),
                    s.quarantined(),
                    s.pushed(),
                    s.took().toMillis() / 1000.0));
            if (s.error() != null) {
                out.append("    ").append(s.error()).append(System.lineSeparator());
            }
        }
        return out.toString();
    }
}
