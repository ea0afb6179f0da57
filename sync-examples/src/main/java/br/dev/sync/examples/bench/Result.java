package br.dev.sync.examples.bench;

/**
 * One measured figure: a case on a database for a number of rows, the wall time of the measured part, and the
 * heap the child JVM used (highest sampled used heap, and mean heap left after a collection), and the CPU seconds
 * client, server and database spent in the measured part and the processor time stolen from the machine meanwhile (for
 * a ceiling, inside the intervals its clock ran; null for a missing figure).
 *
 * @param note empty, or why the figure is missing (e.g. "OutOfMemoryError", "skipped: ...")
 */
record Result(
        String label,
        String database,
        int rows,
        double seconds,
        double peakUsedMb,
        double liveMb,
        CpuMeter.Cpu cpu,
        String note) {
    static final String MARK = "BENCH-RESULT|";

    double rowsPerSecond() {
        return seconds > 0 ? rows / seconds : 0;
    }

    boolean measured() {
        return note.isEmpty() && seconds > 0;
    }

    static Result missing(String label, String database, int rows, String note) {
        return new Result(
                label, database, rows, 0, 0, 0, null, note.length() > 200 ? note.substring(0, 200) + "..." : note);
    }

    /** The line a child JVM prints for its parent. */
    String line() {
        return MARK
                + String.join(
                        "|",
                        label,
                        database,
                        String.valueOf(rows),
                        String.valueOf(seconds),
                        String.valueOf(peakUsedMb),
                        String.valueOf(liveMb),
                        cpu == null ? "" : cpu.client() + "," + cpu.server() + "," + cpu.database() + "," + cpu.steal(),
                        note.replace('|', '/').replace('\n', ' '));
    }

    static Result parse(String line) {
        String[] p = line.substring(MARK.length()).split("\\|", -1);
        return new Result(
                p[0],
                p[1],
                Integer.parseInt(p[2]),
                Double.parseDouble(p[3]),
                Double.parseDouble(p[4]),
                Double.parseDouble(p[5]),
                cpu(p[6]),
                p[7]);
    }

    private static CpuMeter.Cpu cpu(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String[] c = text.split(",");
        return new CpuMeter.Cpu(
                Double.parseDouble(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3]));
    }
}
