package br.dev.sync.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time spent while a case runs, split by who spent it: this JVM (the client: the SDK or the ceiling's JDBC
 * code), the parent JVM (it holds the sandbox or the page server), and the database server's processes
 * (PostgreSQL's backends, including those that ended, through the postmaster's children times; MariaDB's one
 * process). Also the time the hypervisor gave this machine's virtual processors to someone else (steal, from
 * {@code /proc/stat}): a figure taken while a neighbour took much of the machine is not comparable with others. Read
 * from {@code /proc}; on a system without it the server, database and steal figures are 0. Not thread-safe.
 */
final class CpuMeter {
    private static final Set<String> DATABASES = Set.of("postgres", "mariadbd", "mysqld");
    private static final double TICKS = 100.0; // USER_HZ on Linux

    /** CPU seconds by who spent them, and the seconds of processor time stolen from the machine meanwhile. */
    record Cpu(double client, double server, double database, double steal) {
        Cpu minus(Cpu o) {
            return new Cpu(client - o.client, server - o.server, database - o.database, steal - o.steal);
        }

        Cpu plus(Cpu o) {
            return new Cpu(client + o.client, server + o.server, database + o.database, steal + o.steal);
        }

        /** These readings with {@code client} as the client's CPU seconds. */
        Cpu withClient(double client) {
            return new Cpu(client, server, database, steal);
        }

        /** The stolen share of the processor time the machine had in {@code seconds} of wall time, 0 to 1. */
        double stolenShare(double seconds, int processors) {
            return seconds > 0 && processors > 0 ? Math.min(1, Math.max(0, steal / (seconds * processors))) : 0;
        }
    }

    private Cpu start = now();

    /** CPU by thread when the clock of the last case started, for {@code -Dbench.threads=true}. */
    static volatile java.util.Map<String, Double> threadsAtReset = java.util.Map.of();

    void reset() {
        start = now();
        if (Boolean.getBoolean("bench.threads")) {
            threadsAtReset = byThread();
        }
    }

    /** CPU seconds spent since the last {@link #reset}. */
    Cpu spent() {
        return now().minus(start);
    }

    static Cpu now() {
        return others().withClient(client());
    }

    /** This JVM's CPU seconds. */
    static double client() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    /** The parent JVM's and the database's CPU seconds and the machine's steal (client 0), from {@code /proc}. */
    static Cpu others() {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        double server = parent < 0 ? 0 : ticks(parent, false) / TICKS;
        double database = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            database = procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                            .mapToLong(p -> ticks(Long.parseLong(p.getFileName().toString()), true))
                            .sum()
                    / TICKS;
        } catch (IOException | UncheckedIOException e) {
            // no /proc: the database figure stays 0
        }
        return new Cpu(0, server, database, steal());
    }

    /** Seconds of processor time stolen from this machine since it booted, all processors together; 0 if unknown. */
    static double steal() {
        try {
            try (var lines = Files.newBufferedReader(Path.of("/proc/stat"))) {
                return steal(lines.readLine());
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The steal seconds of {@code /proc/stat}'s first line ({@code cpu user nice system idle iowait irq softirq
     * steal ...}, in clock ticks); 0 for a line without that field (kernels before 2.6.11).
     */
    static double steal(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        return f.length > 8 && f[0].equals("cpu") ? Long.parseLong(f[8]) / TICKS : 0;
    }

    /**
     * utime + stime of a process (plus its reaped children's when {@code databaseOnly}, and then only for a
     * database server's process), in clock ticks; 0 when it cannot be read.
     */
    private static long ticks(long pid, boolean databaseOnly) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String comm = stat.substring(open + 1, close);
            if (databaseOnly && !DATABASES.contains(comm)) {
                return 0;
            }
            String[] f = stat.substring(close + 2).split(" ");
            // after "pid (comm) ": state is f[0], utime f[11], stime f[12], cutime f[13], cstime f[14]
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return databaseOnly ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * This JVM's CPU seconds by thread name (numbers dropped, so a pool counts once), from {@code /proc/self/task}:
     * the JIT compiler and garbage collector threads included, which JFR's samples leave out.
     */
    static java.util.Map<String, Double> byThread() {
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[#\\d-]+$", "");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // no /proc
        }
        return out;
    }
}
