package br.dev.sync.examples.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link BenchChild} in a JVM of its own, on this JVM's classpath (also under {@code mvn exec:java}, whose
 * class loader holds the project's classpath), with a heap limit, and reads its {@link Result} lines.
 */
final class ChildJvm {
    private final String classpath = classpath();
    private final String jfrDir;
    private final int warmPages;

    private final int warmRounds;

    ChildJvm(String jfrDir, int warmPages, int warmRounds) {
        this.jfrDir = jfrDir;
        this.warmPages = warmPages;
        this.warmRounds = warmRounds;
    }

    List<Result> run(String xmx, long timeoutSeconds, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-D" + BenchChild.WARM_PAGES + "=" + warmPages,
                "-D" + Warmup.MAX_ROUNDS + "=" + warmRounds,
                "-Dbench.threads=" + Boolean.getBoolean("bench.threads")));
        String extra = System.getProperty("bench.jvmOptions", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        if (jfrDir != null) {
            String name = String.join("-", args.get(0), args.get(1), args.get(3));
            cmd.add("-XX:StartFlightRecording=settings=profile,filename=" + jfrDir + "/" + name + ".jfr");
        }
        cmd.addAll(List.of("-cp", classpath, BenchChild.class.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<Result> results = new ArrayList<>();
        List<String> tail = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith(Result.MARK)) {
                        results.add(Result.parse(line));
                    } else if (line.startsWith("cpu ")
                            || line.startsWith("warm-up ")
                            || line.contains("applying took")) { // the pull runner's timing, when at DEBUG
                        System.out.println("  " + args.get(0) + " " + line);
                    } else {
                        synchronized (tail) {
                            tail.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            reader.join(5_000);
            return List.of(Result.missing(
                    args.get(0),
                    args.get(1),
                    Integer.parseInt(args.get(3)),
                    "timed out after " + timeoutSeconds + " s"));
        }
        reader.join(5_000);
        if (results.isEmpty() || results.stream().anyMatch(r -> !r.note().isEmpty())) {
            synchronized (tail) {
                tail.stream()
                        .filter(l -> !l.startsWith("\tat "))
                        .limit(15)
                        .forEach(l -> System.err.println("  | " + l));
            }
        }
        if (results.isEmpty()) {
            String why = tail.stream()
                    .filter(l -> l.contains("OutOfMemoryError"))
                    .findFirst()
                    .map(l -> "OutOfMemoryError")
                    .orElse("the child JVM ended with " + p.exitValue() + " and no figure");
            return List.of(Result.missing(args.get(0), args.get(1), Integer.parseInt(args.get(3)), why));
        }
        return results;
    }

    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = ChildJvm.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: skip it
                    }
                }
            }
        }
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(e);
        }
        return String.join(File.pathSeparator, entries);
    }
}
