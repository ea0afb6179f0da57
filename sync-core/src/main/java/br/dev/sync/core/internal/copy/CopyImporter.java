package br.dev.sync.core.internal.copy;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.copy.CopyException;
import br.dev.sync.core.copy.CopyManifest;
import br.dev.sync.core.copy.ImportResult;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.Marker;
import br.dev.sync.core.spi.SyncStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a copy file: checks all of it first, then the target, then applies the rows in batches and writes the
 * checkpoints (for the target node) after each stream's rows. A marker per copy records "started" and "done", so an
 * import cut short can be run again and an incremental copy is refused unless the copy it continues was imported.
 */
public final class CopyImporter {
    /** Marker kind of imported copies; the key is the copy id, the value "started" or "done". */
    public static final String MARKER = "database-copy";

    private static final Logger LOG = LoggerFactory.getLogger(CopyImporter.class);
    private static final int BATCH = 1000;

    private final SyncStore store;
    private final Path file;
    private final String node;
    private final Clock clock;

    public CopyImporter(SyncStore store, Path file, String node, Clock clock) {
        this.store = store;
        this.file = file;
        this.node = node;
        this.clock = clock;
    }

    public ImportResult run() {
        long start = System.nanoTime();
        try (CopyReader reader = refused(() -> CopyReader.open(file))) {
            CopyManifest m = checked(reader);
            store.putMarker(new Marker(MARKER, m.copyId(), "started", clock.instant()));
            long[] counts = new long[2];
            int checkpoints = 0;
            for (CopyManifest.StreamEntry s : m.streams()) {
                applyRows(reader, s.name(), counts);
                checkpoints += writeCheckpoints(s);
            }
            store.putMarker(new Marker(MARKER, m.copyId(), "done", clock.instant()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            LOG.info(
                    "imported copy {} of node {} from {} as node {}: {} rows, {} deletes, {} checkpoints in {} ms",
                    m.copyId(),
                    m.node(),
                    file,
                    node,
                    counts[0],
                    counts[1],
                    checkpoints,
                    took.toMillis());
            return new ImportResult(m, node, counts[0], counts[1], checkpoints, took);
        }
    }

    /** Every check that can refuse the copy, before anything is written. */
    private CopyManifest checked(CopyReader reader) {
        return refused(() -> {
            reader.verify();
            checkTarget(reader.manifest());
            return reader.manifest();
        });
    }

    private static <T> T refused(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (CopyException e) {
            throw new CopyException(e.getMessage() + "; nothing was imported", e);
        }
    }

    private void checkTarget(CopyManifest m) {
        Optional<String> mine = store.marker(MARKER, m.copyId()).map(Marker::value);
        if (m.incremental()) {
            String since = store.marker(MARKER, m.since()).map(Marker::value).orElse("absent");
            if (!since.equals("done")) {
                throw new CopyException("copy file " + file + " continues copy " + m.since()
                        + ", which was not imported into this store (" + since + "); import the copies in order,"
                        + " starting from a full copy");
            }
            return;
        }
        if (mine.isPresent()) {
            return; // the same copy again: an import cut short, or a repeat; both apply nothing twice
        }
        for (CopyManifest.StreamEntry s : m.streams()) {
            long[] live = new long[1];
            store.scan(s.name(), r -> live[0]++);
            if (live[0] > 0) {
                throw new CopyException("the target store already holds " + live[0] + " rows of stream " + s.name()
                        + ", and a full copy seeds an empty store only: import " + file + " into a new database,"
                        + " or bring this store up to date with an incremental copy or a sync");
            }
        }
    }

    private void applyRows(CopyReader reader, String stream, long[] counts) {
        List<Change> batch = new ArrayList<>(BATCH);
        Set<String> keys = new HashSet<>();
        reader.eachChange(stream, c -> {
            if (batch.size() == BATCH || !keys.add(c.key())) {
                apply(stream, batch);
                keys.clear();
                keys.add(c.key());
            }
            batch.add(c);
            counts[c.isDelete() ? 1 : 0]++;
        });
        apply(stream, batch);
    }

    private void apply(String stream, List<Change> batch) {
        if (!batch.isEmpty()) {
            store.apply(ApplyBatch.of(stream, batch));
            batch.clear();
        }
    }

    /** After the stream's rows are committed, so a checkpoint never passes rows the store lacks. */
    private int writeCheckpoints(CopyManifest.StreamEntry s) {
        for (CopyManifest.Checkpoint c : s.checkpoints()) {
            CheckpointId id = new CheckpointId(node, s.name(), c.partition(), c.window());
            store.apply(ApplyBatch.of(s.name(), List.of(), id, c.cursor()));
        }
        return s.checkpoints().size();
    }
}
