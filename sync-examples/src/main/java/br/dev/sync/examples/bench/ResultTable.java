package br.dev.sync.examples.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The benchmark's table: a row per figure, with its ratio to the ceiling of the same database and rows. */
final class ResultTable {
    /** A figure, the machine's 1-minute load average when it was taken, and the round of the run it is from. */
    record Row(Result result, double load, int round) {}

    private static final String FORMAT = "%-30s %-10s %9s %8s %10s %7s %9s %9s %17s %5s %5s  %s";

    private ResultTable() {}

    static String header() {
        return String.format(
                Locale.ROOT,
                FORMAT,
                "case",
                "database",
                "rows",
                "seconds",
                "rows/s",
                "ratio",
                "heap MB",
                "gc MB",
                "CPU s cli/srv/db",
                "steal",
                "load",
                "note");
    }

    static String line(Row row, List<Row> all) {
        Result r = row.result();
        return String.format(
                Locale.ROOT,
                FORMAT,
                r.label(),
                r.database(),
                String.format(Locale.ROOT, "%,d", r.rows()),
                r.measured() ? String.format(Locale.ROOT, "%.2f", r.seconds()) : "-",
                r.measured() ? String.format(Locale.ROOT, "%,.0f", r.rowsPerSecond()) : "-",
                ratio(row, all),
                r.measured() ? String.format(Locale.ROOT, "%.0f", r.peakUsedMb()) : "-",
                r.measured() ? String.format(Locale.ROOT, "%.0f", r.liveMb()) : "-",
                cpu(r),
                steal(r),
                String.format(Locale.ROOT, "%.1f", row.load()),
                r.note());
    }

    /** CPU seconds of the measured part: client/server/database, or "-". */
    static String cpu(Result r) {
        return r.measured() && r.cpu() != null
                ? String.format(
                        Locale.ROOT,
                        "%.1f/%.1f/%.1f",
                        r.cpu().client(),
                        r.cpu().server(),
                        r.cpu().database())
                : "-";
    }

    /** A stolen share above which a figure is flagged as not comparable. */
    static final double STEAL_WARNING = 0.05;

    /**
     * The share of the machine's processor time the hypervisor gave to others while the figure was measured, as a
     * percentage, or "-".
     */
    static String steal(Result r) {
        return r.measured() && r.cpu() != null ? String.format(Locale.ROOT, "%.0f%%", 100 * stolen(r)) : "-";
    }

    /** The stolen share of a measured figure; 0 for a missing one or one without CPU readings. */
    private static double stolen(Result r) {
        return r.measured() && r.cpu() != null
                ? r.cpu().stolenShare(r.seconds(), Runtime.getRuntime().availableProcessors())
                : 0;
    }

    /**
     * A warning line for each figure measured while more than {@link #STEAL_WARNING} of the machine's processor
     * time was stolen; empty when there is none.
     */
    static String stealWarnings(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        for (Row row : rows) {
            Result r = row.result();
            if (stolen(r) > STEAL_WARNING) {
                b.append(String.format(
                        Locale.ROOT,
                        "warning: %s on %s (%,d rows, round %d) ran while the hypervisor took %.0f%% of the"
                                + " machine's processor time; do not compare it with figures taken without steal,"
                                + " run it again on a quiet machine%n",
                        r.label(),
                        r.database(),
                        r.rows(),
                        row.round(),
                        100 * stolen(r)));
            }
        }
        return b.toString();
    }

    static String format(List<Row> rows) {
        StringBuilder b = new StringBuilder(header()).append('\n');
        rows.forEach(r -> b.append(line(r, rows)).append('\n'));
        return b.append(stealWarnings(rows)).toString();
    }

    static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder(
                "| case | database | rows | seconds | rows/s | ratio to ceiling | peak heap MB | mean heap after GC MB"
                        + " | CPU s client / server / db | steal | load | note |\n"
                        + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            Result r = row.result();
            b.append("| ").append(r.label()).append(" | ").append(r.database()).append(" | ");
            b.append(String.format(Locale.ROOT, "%,d", r.rows())).append(" | ");
            b.append(r.measured() ? String.format(Locale.ROOT, "%.2f", r.seconds()) : "-")
                    .append(" | ");
            b.append(r.measured() ? String.format(Locale.ROOT, "%,.0f", r.rowsPerSecond()) : "-")
                    .append(" | ");
            b.append(ratio(row, rows)).append(" | ");
            b.append(r.measured() ? String.format(Locale.ROOT, "%.0f", r.peakUsedMb()) : "-")
                    .append(" | ");
            b.append(r.measured() ? String.format(Locale.ROOT, "%.0f", r.liveMb()) : "-")
                    .append(" | ");
            b.append(cpu(r).replace("/", " / ")).append(" | ");
            b.append(steal(r)).append(" | ");
            b.append(String.format(Locale.ROOT, "%.1f", row.load())).append(" | ");
            b.append(r.note()).append(" |\n");
        }
        String warnings = stealWarnings(rows);
        return warnings.isEmpty()
                ? b.toString()
                : b.append('\n').append(warnings).toString();
    }

    /** The rows per second over those of the database's batch upsert (insert or update pass) at the same size. */
    static String ratio(Row row, List<Row> all) {
        OptionalDouble ratio = ratioOf(row, all);
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()) : "-";
    }

    /** As {@link #ratio}, as a number; empty when the figure or its round's ceiling was not measured. */
    static OptionalDouble ratioOf(Row row, List<Row> all) {
        Result r = row.result();
        if (!r.measured()) {
            return OptionalDouble.empty();
        }
        String ceiling = r.label().endsWith("update") ? "ceiling upsert, update" : "ceiling upsert, insert";
        return all.stream()
                .filter(c -> c.round() == row.round())
                .map(Row::result)
                .filter(c -> c.label().equals(ceiling) && c.database().equals(r.database()) && c.rows() == r.rows())
                .filter(Result::measured)
                .mapToDouble(c -> r.rowsPerSecond() / c.rowsPerSecond())
                .findFirst();
    }

    /**
     * Over the rounds of a repeated run: each figure's median rows per second and median ratio to its round's
     * ceiling, with the lowest and highest, and how many rounds measured it. The machine's speed drifts between
     * rounds; a ratio pairs a figure with the ceiling run just before it, so its median is the figure to quote.
     */
    static String summary(List<Row> rows) {
        Map<List<Object>, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            Result r = row.result();
            groups.computeIfAbsent(List.of(r.label(), r.database(), r.rows()), k -> new ArrayList<>())
                    .add(row);
        }
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "%-30s %-10s %9s %6s %24s %20s%n",
                "case (median of rounds)",
                "database",
                "rows",
                "rounds",
                "rows/s median (min-max)",
                "ratio median (range)"));
        for (List<Row> group : groups.values()) {
            Result first = group.get(0).result();
            double[] rates = group.stream()
                    .map(Row::result)
                    .filter(Result::measured)
                    .mapToDouble(Result::rowsPerSecond)
                    .sorted()
                    .toArray();
            double[] ratios = group.stream()
                    .map(row -> ratioOf(row, rows))
                    .filter(OptionalDouble::isPresent)
                    .mapToDouble(OptionalDouble::getAsDouble)
                    .sorted()
                    .toArray();
            b.append(String.format(
                    Locale.ROOT,
                    "%-30s %-10s %9s %6d %24s %20s%n",
                    first.label(),
                    first.database(),
                    String.format(Locale.ROOT, "%,d", first.rows()),
                    rates.length,
                    spread(rates, "%,.0f"),
                    spread(ratios, "%.2f")));
        }
        return b.toString();
    }

    /** Sorted values as "median (lowest-highest)", each in {@code format}; "-" when there are none. */
    private static String spread(double[] sorted, String format) {
        if (sorted.length == 0) {
            return "-";
        }
        return String.format(
                Locale.ROOT,
                format + " (" + format + "-" + format + ")",
                median(sorted),
                sorted[0],
                sorted[sorted.length - 1]);
    }

    /** The middle of sorted values, or the mean of the two middle ones. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The 1-minute load average of the machine. */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    /** One line on the machine: processors, memory, JVM. */
    static String machine() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(
                Locale.ROOT,
                "machine: %d processors, %.1f GB memory, %s %s, %s; load %.2f",
                Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / 1e9,
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                load());
    }
}
