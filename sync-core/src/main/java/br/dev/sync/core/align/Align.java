package br.dev.sync.core.align;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.Difference;
import br.dev.sync.core.Step;
import br.dev.sync.core.SyncStream;
import br.dev.sync.core.Window;
import br.dev.sync.core.internal.align.AlignRun;
import br.dev.sync.core.spi.StoredRecord;
import br.dev.sync.core.spi.SyncTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Aligns a stream to its origin (the ERP's "alinhar estoque"): reads the origin's full set for a partition, writes
 * the origin's values over the local ones, deletes local rows the origin does not have, and reports every
 * difference in the step's report ({@link br.dev.sync.core.StepReport#differences()}).
 *
 * <pre>{@code
 * Step.Task align = Align.stream(STOCK, winthor, "0001")
 *         .localScope(row -> "0001".equals(row.fields().get("branchId")))
 *         .ignoreFields("lastChange")
 *         .step();
 * SyncReport report = engine.run(Plan.of("align stock 0001", align));
 * report.step(align.name()).orElseThrow().differences();   // ADDED, CHANGED per field, REMOVED
 * }</pre>
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li>Pages through the origin with a null cursor (the whole set of the window; {@link Window#SINCE_CHECKPOINT} by
 *       default), each record through the stream's decode, validation and mapping. A record that fails is
 *       quarantined (not in a dry run) and its key, when known, counts as present at the origin.
 *   <li>Page by page, compares with the local rows of the page's keys: {@link Difference.Kind#ADDED} (key only)
 *       when local lacks the row or holds a tombstone; {@link Difference.Kind#CHANGED} once per differing field, with
 *       the local and the origin value (compared with {@link br.dev.sync.core.ConflictRules#sameValue}); and
 *       {@link Difference.Kind#REMOVED} (key only) for an origin deletion of a live local row.
 *   <li>Then scans the local rows in {@link #localScope} and reports as REMOVED those the origin did not send.
 *   <li>Unless {@link #dryRun(boolean) dry run}, writes each differing row and each removal with the origin's
 *       version, or with the local version + 1 when the local one is as new or newer: the origin wins even over a
 *       newer local row. The price of that: until the origin's own version passes the one written, a regular pull
 *       of that row is taken as a repeat, which holds no new value only if the origin did not change meanwhile;
 *       align again after such a change. Pending local changes (the outbox) are left alone and go up on the next
 *       push: push first when the origin must win.
 * </ul>
 *
 * <h2>Memory</h2>
 * One page of records at a time, plus the set of keys the origin sent (to find removed rows): about 100 bytes a key,
 * so 1 million rows in one partition hold roughly 100 MB. Align per partition to keep it bounded. The removed rows'
 * keys and all differences are kept for the report.
 *
 * <h2>When a record cannot be read</h2>
 * If an origin record fails so early that its key is unknown, the step fails before removing anything, because a
 * row the origin still has could not be told from one it dropped; rows already written stay written (each page is
 * its own transaction), and the report lists the differences found so far.
 *
 * <p>Immutable and thread-safe: the {@code with}-style methods return changed copies.
 */
public final class Align<T> {
    private final SyncStream<T> stream;
    private final SyncTransport origin;
    private final String partition;
    private final Window window;
    private final int pageSize;
    private final boolean dryRun;
    private final Predicate<StoredRecord> localScope;
    private final Set<String> ignoredFields;
    private final String name;

    private Align(
            SyncStream<T> stream,
            SyncTransport origin,
            String partition,
            Window window,
            int pageSize,
            boolean dryRun,
            Predicate<StoredRecord> localScope,
            Set<String> ignoredFields,
            String name) {
        this.stream = stream;
        this.origin = origin;
        this.partition = partition;
        this.window = window;
        this.pageSize = pageSize;
        this.dryRun = dryRun;
        this.localScope = localScope;
        this.ignoredFields = Set.copyOf(ignoredFields);
        this.name = name;
    }

    /**
     * Aligns {@code stream} to {@code origin} for one partition ("" for all). For a partition other than "", say
     * with {@link #localScope} which local rows belong to it.
     */
    public static <T> Align<T> stream(SyncStream<T> stream, SyncTransport origin, String partition) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(origin, "origin");
        String p = partition == null ? "" : partition;
        return new Align<>(
                stream,
                origin,
                p,
                Window.SINCE_CHECKPOINT,
                500,
                false,
                null,
                Set.of(),
                "align " + stream.name() + (p.isEmpty() ? "" : " " + p));
    }

    /** Only report the differences; write nothing, quarantine nothing. */
    public Align<T> dryRun(boolean on) {
        return new Align<>(stream, origin, partition, window, pageSize, on, localScope, ignoredFields, name);
    }

    /** The window asked of the origin ({@link Window#SINCE_CHECKPOINT} with no cursor: everything). */
    public Align<T> window(Window newWindow) {
        return new Align<>(stream, origin, partition, newWindow, pageSize, dryRun, localScope, ignoredFields, name);
    }

    public Align<T> pageSize(int newPageSize) {
        return new Align<>(stream, origin, partition, window, newPageSize, dryRun, localScope, ignoredFields, name);
    }

    /** Which local rows belong to the partition: only these can be REMOVED. All rows by default for partition "". */
    public Align<T> localScope(Predicate<StoredRecord> belongs) {
        return new Align<>(stream, origin, partition, window, pageSize, dryRun, belongs, ignoredFields, name);
    }

    /** Fields left out of the comparison, e.g. a version or a last-change stamp that always differs. */
    public Align<T> ignoreFields(String... fields) {
        return new Align<>(stream, origin, partition, window, pageSize, dryRun, localScope, Set.of(fields), name);
    }

    /** The step's name ("align &lt;stream&gt; [partition]" by default). */
    public Align<T> named(String newName) {
        return new Align<>(stream, origin, partition, window, pageSize, dryRun, localScope, ignoredFields, newName);
    }

    /**
     * The align as a task step for a plan.
     *
     * @throws ConfigurationException listing every problem (a partition without a local scope, a bad page size)
     */
    public Step.Task step() {
        List<String> problems = new ArrayList<>();
        if (!partition.isEmpty() && localScope == null) {
            problems.add("localScope: aligning partition '" + partition + "' needs localScope(row -> ...) saying which"
                    + " local rows belong to it; otherwise rows of other partitions would be deleted");
        }
        if (pageSize <= 0) {
            problems.add("pageSize: must be positive (was " + pageSize + ")");
        }
        if (window == null) {
            problems.add("window: is required");
        }
        if (name == null || name.isBlank()) {
            problems.add("name: is required");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("align of " + stream.name(), problems);
        }
        Predicate<StoredRecord> scope = localScope != null ? localScope : r -> true;
        AlignRun.Settings<T> settings =
                new AlignRun.Settings<>(stream, origin, partition, window, pageSize, dryRun, scope, ignoredFields);
        return Step.task(name, ctx -> new AlignRun<>(settings, ctx).run());
    }
}
