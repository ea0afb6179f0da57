package br.dev.sync.core.internal.copy;

import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.copy.CopyException;
import br.dev.sync.core.copy.CopyManifest;
import br.dev.sync.core.copy.CopyOptions;
import br.dev.sync.core.internal.json.Json;
import br.dev.sync.core.spi.StoredRecord;
import br.dev.sync.core.spi.SyncStore;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a copy file: streams rows from the store into the archive, then the manifest; the file appears whole. */
public final class CopyWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CopyWriter.class);
    private static final int CHUNK = 500;

    private final SyncStore store;
    private final CopyOptions options;
    private final Path file;
    private final RowLines lines = new RowLines();
    private ZipOutputStream zip;

    public CopyWriter(SyncStore store, CopyOptions options, Path file) {
        this.store = store;
        this.options = options;
        this.file = file;
    }

    public CopyManifest export(List<String> streams) {
        long start = System.nanoTime();
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            CopyManifest manifest = write(part, streams);
            moveIntoPlace(part);
            LOG.info(
                    "copied {} of node {} to {} ({}) in {} ms",
                    streams,
                    options.node(),
                    file,
                    manifest.incremental() ? "incremental since " + manifest.since() : "full",
                    (System.nanoTime() - start) / 1_000_000);
            return manifest;
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(part);
            throw new CopyException(
                    "cannot write copy file " + file + ": " + e.getMessage() + "; check the disk and the folder's"
                            + " permissions, then copy again",
                    e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    /** Writes the whole archive to {@code part}; the earlier copy is closed again before the file is moved. */
    private CopyManifest write(Path part, List<String> streams) throws IOException {
        try (CopyReader previous = options.since().map(CopyReader::open).orElse(null)) {
            CopyManifest before = checkPrevious(previous, streams);
            CopyManifest manifest;
            try (ZipOutputStream out =
                    new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(part), 1 << 16))) {
                zip = out;
                List<CopyManifest.StreamEntry> entries = new ArrayList<>();
                for (String stream : streams) {
                    entries.add(exportStream(stream, previous, before));
                }
                manifest = new CopyManifest(
                        CopyManifest.FORMAT,
                        UUID.randomUUID().toString(),
                        options.node(),
                        options.clock().instant(),
                        before == null ? null : before.copyId(),
                        entries);
                out.putNextEntry(new ZipEntry(CopyFormat.MANIFEST));
                out.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                out.closeEntry();
            }
            return manifest;
        }
    }

    private CopyManifest checkPrevious(CopyReader previous, List<String> streams) {
        if (previous == null) {
            return null;
        }
        previous.verify();
        CopyManifest m = previous.manifest();
        if (!m.node().equals(options.node())) {
            throw new CopyException("the earlier copy " + options.since().orElseThrow() + " is of node " + m.node()
                    + ", not " + options.node() + "; an incremental copy continues a copy of the same node");
        }
        for (String s : streams) {
            if (m.stream(s).isEmpty()) {
                throw new CopyException("stream " + s + " is not in the earlier copy "
                        + options.since().orElseThrow() + "; make a full copy to add a stream");
            }
        }
        return m;
    }

    private CopyManifest.StreamEntry exportStream(String stream, CopyReader previous, CopyManifest before)
            throws IOException {
        List<CopyManifest.Checkpoint> checkpoints = checkpoints(stream);
        long watermark = before == null
                ? Long.MIN_VALUE
                : before.stream(stream).orElseThrow().maxVersion();
        Path keysSpool = Files.createTempFile(file.toAbsolutePath().getParent(), "keys-", ".part");
        try {
            StreamTally t = new StreamTally(watermark);
            String dataSha;
            try (OutputStream keys = new BufferedOutputStream(Files.newOutputStream(keysSpool), 1 << 16)) {
                Entry data = open(CopyFormat.data(stream));
                store.scan(stream, row -> {
                    t.live(row);
                    write(keys, lines.key(row.key(), row.version()));
                    if (before == null || row.version() > watermark) {
                        t.rows++;
                        data.write(lines.row(stream, row.key(), row.version(), row.fields()));
                    }
                });
                if (previous != null) {
                    carryChangesOfKnownKeys(stream, previous, watermark, data, t);
                }
                dataSha = data.close();
            }
            Entry keys = open(CopyFormat.keys(stream));
            Files.copy(keysSpool, keys.stream);
            String keysSha = keys.close();
            return new CopyManifest.StreamEntry(
                    stream, t.rows, t.deletes, t.liveKeys, t.maxVersion, dataSha, keysSha, checkpoints);
        } finally {
            deleteQuietly(keysSpool);
        }
    }

    /**
     * Goes through the keys the earlier copy held, a chunk at a time: a key now gone or a tombstone becomes a delete,
     * and a key whose version changed without passing the watermark is carried too.
     */
    private void carryChangesOfKnownKeys(
            String stream, CopyReader previous, long watermark, Entry data, StreamTally t) {
        List<RowLines.Key> chunk = new ArrayList<>(CHUNK);
        previous.eachKey(stream, k -> {
            chunk.add(k);
            if (chunk.size() == CHUNK) {
                carryChunk(stream, chunk, watermark, data, t);
                chunk.clear();
            }
        });
        carryChunk(stream, chunk, watermark, data, t);
    }

    private void carryChunk(String stream, List<RowLines.Key> chunk, long watermark, Entry data, StreamTally t) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, StoredRecord> now =
                store.read(stream, chunk.stream().map(RowLines.Key::key).toList());
        for (RowLines.Key k : chunk) {
            StoredRecord r = now.get(k.key());
            if (r == null || r.deleted()) {
                long version = r == null ? k.version() + 1 : r.version();
                t.maxVersion = Math.max(t.maxVersion, version);
                t.deletes++;
                data.write(lines.delete(k.key(), version));
            } else if (r.version() != k.version() && r.version() <= watermark) {
                t.rows++;
                data.write(lines.row(stream, r.key(), r.version(), r.fields()));
            }
        }
    }

    /** Read before the rows, so a checkpoint never covers a row the copy lacks. */
    private List<CopyManifest.Checkpoint> checkpoints(String stream) {
        List<CopyManifest.Checkpoint> out = new ArrayList<>();
        for (CopyOptions.CheckpointScope c : options.checkpointsOf(stream)) {
            store.checkpoint(new CheckpointId(options.node(), stream, c.partition(), c.window()))
                    .ifPresent(cursor -> out.add(new CopyManifest.Checkpoint(c.partition(), c.window(), cursor)));
        }
        return out;
    }

    private static final class StreamTally {
        long rows;
        long deletes;
        long liveKeys;
        long maxVersion;

        StreamTally(long watermark) {
            this.maxVersion = watermark == Long.MIN_VALUE ? 0 : watermark;
        }

        void live(StoredRecord row) {
            liveKeys++;
            maxVersion = Math.max(maxVersion, row.version());
        }
    }

    /** One archive entry being written, with the SHA-256 of its bytes. */
    private final class Entry {
        final MessageDigest sha = CopyFormat.sha256();
        final OutputStream stream;

        Entry(String name) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            stream = new DigestOutputStream(
                    new FilterOutputStream(zip) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            zip.write(b, off, len);
                        }

                        @Override
                        public void close() {
                            // the archive stays open for the next entry
                        }
                    },
                    sha);
        }

        void write(ByteArrayOutputStream line) {
            CopyWriter.write(stream, line);
        }

        String close() throws IOException {
            stream.flush();
            zip.closeEntry();
            return CopyFormat.hex(sha.digest());
        }
    }

    private Entry open(String name) throws IOException {
        return new Entry(name);
    }

    private static void write(OutputStream out, ByteArrayOutputStream line) {
        try {
            line.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void moveIntoPlace(Path part) throws IOException {
        try {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot delete the unfinished file {}: {}", p, e.getMessage());
        }
    }
}
