package br.dev.sync.core.internal.copy;

import br.dev.sync.core.Change;
import br.dev.sync.core.copy.CopyException;
import br.dev.sync.core.copy.CopyManifest;
import br.dev.sync.core.internal.json.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Opens a copy file, checks it whole (entries, checksums, counts, every line readable) and hands out its lines.
 * Every failure is a {@link CopyException} naming the file and saying the file is damaged.
 */
public final class CopyReader implements Closeable {
    private final Path file;
    private final ZipFile zip;
    private final CopyManifest manifest;

    private CopyReader(Path file, ZipFile zip, CopyManifest manifest) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
    }

    /** Opens the file and reads its manifest; {@link #verify()} checks the rest. */
    public static CopyReader open(Path file) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw damaged(file, "it is not a complete copy file (" + e.getMessage() + ")", e);
        }
        try {
            return new CopyReader(file, zip, readManifest(file, zip));
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static CopyManifest readManifest(Path file, ZipFile zip) {
        ZipEntry entry = zip.getEntry(CopyFormat.MANIFEST);
        if (entry == null) {
            throw damaged(file, "it has no " + CopyFormat.MANIFEST, null);
        }
        CopyManifest m;
        try (InputStream in = zip.getInputStream(entry)) {
            m = Json.mapper().readValue(in, CopyManifest.class);
        } catch (IOException | RuntimeException e) {
            throw damaged(file, "its manifest cannot be read (" + e.getMessage() + ")", e);
        }
        if (!CopyManifest.FORMAT.equals(m.format())) {
            throw new CopyException("copy file " + file + " is in format '" + m.format() + "', this version reads '"
                    + CopyManifest.FORMAT + "' only; import it with the SDK version that made it");
        }
        return m;
    }

    public CopyManifest manifest() {
        return manifest;
    }

    /** Checks every entry against the manifest: present, same SHA-256, same counts, every line readable. */
    public void verify() {
        Set<String> expected = new HashSet<>(Set.of(CopyFormat.MANIFEST));
        for (CopyManifest.StreamEntry s : manifest.streams()) {
            expected.add(CopyFormat.data(s.name()));
            expected.add(CopyFormat.keys(s.name()));
            long[] counts = new long[2];
            String dataSha = readEntry(CopyFormat.data(s.name()), line -> {
                Change c = parse(() -> RowLines.change(s.name(), line, manifest.node()), s.name());
                counts[c.isDelete() ? 1 : 0]++;
            });
            check(s.name(), "data checksum", s.dataSha256(), dataSha);
            check(s.name(), "row count", s.rows(), counts[0]);
            check(s.name(), "delete count", s.deletes(), counts[1]);
            long[] keys = new long[1];
            String keysSha = readEntry(CopyFormat.keys(s.name()), line -> {
                parse(() -> RowLines.key(line), s.name());
                keys[0]++;
            });
            check(s.name(), "keys checksum", s.keysSha256(), keysSha);
            check(s.name(), "key count", s.liveKeys(), keys[0]);
        }
        zip.stream().filter(e -> !expected.contains(e.getName())).findFirst().ifPresent(e -> {
            throw damaged(file, "it holds an entry the manifest does not list: " + e.getName(), null);
        });
    }

    /** Hands out the changes of a stream's data entry in file order. */
    public void eachChange(String stream, Consumer<Change> each) {
        readEntry(
                CopyFormat.data(stream),
                line -> each.accept(parse(() -> RowLines.change(stream, line, manifest.node()), stream)));
    }

    /** Hands out the keys the source held when copied. */
    public void eachKey(String stream, Consumer<RowLines.Key> each) {
        readEntry(CopyFormat.keys(stream), line -> each.accept(parse(() -> RowLines.key(line), stream)));
    }

    /** Reads an entry line by line; answers the hex SHA-256 of its bytes. */
    private String readEntry(String name, Consumer<String> eachLine) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw damaged(file, "the manifest lists " + name + " but the file does not hold it", null);
        }
        MessageDigest sha = CopyFormat.sha256();
        try (InputStream raw = zip.getInputStream(entry);
                DigestInputStream in = new DigestInputStream(raw, sha);
                Reader text = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            BoundedLines lines = new BoundedLines(text, BoundedLines.MAX_LINE);
            for (String line = lines.next(); line != null; line = lines.next()) {
                eachLine.accept(line);
            }
        } catch (IOException e) {
            throw damaged(file, "entry " + name + " cannot be read (" + e.getMessage() + ")", e);
        }
        return CopyFormat.hex(sha.digest());
    }

    private interface LineParser<T> {
        T parse() throws IOException;
    }

    private <T> T parse(LineParser<T> parser, String stream) {
        try {
            return parser.parse();
        } catch (IOException | RuntimeException e) {
            throw damaged(file, "a line of stream " + stream + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private void check(String stream, String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            throw damaged(
                    file,
                    "the " + what + " of stream " + stream + " is " + actual + " but the manifest says " + expected,
                    null);
        }
    }

    static CopyException damaged(Path file, String why, Throwable cause) {
        return new CopyException(
                "copy file " + file + " is damaged or truncated: " + why
                        + "; make the copy again or fetch an intact file",
                cause);
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }
}
