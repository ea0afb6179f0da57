package br.dev.sync.core.internal.engine;

import br.dev.sync.core.Change;
import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.Conflict;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineStage;
import br.dev.sync.core.Resolution;
import br.dev.sync.core.Step;
import br.dev.sync.core.StoreException;
import br.dev.sync.core.SyncException;
import br.dev.sync.core.SyncStream;
import br.dev.sync.core.TransportException;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.ApplyResult;
import br.dev.sync.core.spi.OutboxEntry;
import br.dev.sync.core.spi.Page;
import br.dev.sync.core.spi.PageRequest;
import br.dev.sync.core.spi.SyncStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pull step: per partition, fetch pages from the checkpoint on (the next page is fetched while the current
 * one is applied), take each record through the pipeline, settle conflicts with pending local changes, and apply
 * the page with its checkpoint in one store transaction.
 */
public final class PullRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PullRunner.class);
    /** The most threads that decode one page at once. */
    public static final int MAX_DECODE_THREADS = 8;

    /** Fewest records a decoding thread takes: below this, handing work over costs more than it saves. */
    static final int MIN_RECORDS_PER_THREAD = 64;

    private final EngineRetry retry;
    private final Executor prefetch;
    private final int decodeThreads;

    /** {@code prefetch} must start every task it is given without waiting for another to end (a cached pool). */
    public PullRunner(EngineRetry retry, Executor prefetch, int decodeThreads) {
        this.retry = retry;
        this.prefetch = prefetch;
        this.decodeThreads = decodeThreads;
    }

    public void run(Step.Pull step, StepRun run) {
        for (String partition : step.partitions()) {
            pullPartition(step, partition, run);
        }
    }

    private void pullPartition(Step.Pull step, String partition, StepRun run) {
        SyncStore store = run.store();
        String stream = step.stream().name();
        CheckpointId checkpoint =
                new CheckpointId(run.node(), stream, partition, step.window().key());
        String cursor = store.checkpoint(checkpoint).orElse(null);
        // three stages overlap: the page after next is fetched, the next page decoded and validated, and this page
        // applied, each on its own thread; at most three pages are held at once
        CompletableFuture<Got> first = fetchAsync(step, partition, cursor);
        CompletableFuture<Fetched> current = decodeAsync(step, partition, first, run);
        CompletableFuture<Got> following = first.thenCompose(got -> follow(step, partition, got));
        long done = 0;
        long started = System.nanoTime();
        long waited = 0; // this thread, waiting for the next page to be fetched and decoded
        long pages = 0;
        long cpuFrom = LOG.isDebugEnabled() ? threadCpu() : 0;
        while (true) {
            long waitFrom = System.nanoTime();
            Fetched fetched = await(current, step, partition, cursor);
            waited += System.nanoTime() - waitFrom;
            pages++;
            Page page = fetched.page();
            String nextCursor = nextCursor(page, cursor);
            if (page.hasMore()) {
                if (Objects.equals(nextCursor, cursor) && page.records().isEmpty()) {
                    throw new TransportException(
                            step.transport().name() + " answered an empty page of " + stream
                                    + " that says more follow but gives no new cursor (" + cursor
                                    + "); stopping to avoid a loop",
                            null);
                }
                CompletableFuture<Got> next = following;
                current = decodeAsync(step, partition, next, run);
                following = next.thenCompose(got -> follow(step, partition, got));
            }
            PageWork work = prepareDecoded(step.stream(), partition, page.records(), fetched.outcomes(), run, false);
            commit(step.stream(), work, checkpoint, nextCursor, List.of(), run);
            done += page.records().size();
            run.progress(done, page.total());
            cursor = nextCursor;
            if (!page.hasMore()) {
                if (LOG.isDebugEnabled()) {
                    LOG.debug(timing(
                            stream,
                            partition,
                            done,
                            pages,
                            System.nanoTime() - started,
                            waited,
                            threadCpu() - cpuFrom));
                }
                return;
            }
        }
    }

    /**
     * Where a partition's pull spent its time, from the thread that applies: the rest of the time it applied
     * (conflicts, the store's write and the checkpoint). Waiting most of the time means fetching or decoding bound
     * the pull; waiting little means the store did.
     */
    static String timing(
            String stream, String partition, long records, long pages, long nanos, long waitedNanos, long cpuNanos) {
        return String.format(
                Locale.ROOT,
                "pull of %s%s: %d records in %d pages in %.3f s; applying took %.3f s (%.3f s of this thread's CPU),"
                        + " waiting for the next page to be fetched and decoded %.3f s",
                stream,
                partition.isEmpty() ? "" : " partition " + partition,
                records,
                pages,
                nanos / 1e9,
                (nanos - waitedNanos) / 1e9,
                cpuNanos / 1e9,
                waitedNanos / 1e9);
    }

    /** This thread's CPU time in nanoseconds, or 0 where the JVM does not measure it. */
    private static long threadCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    private static String nextCursor(Page page, String cursor) {
        return page.nextCursor() != null ? page.nextCursor() : cursor;
    }

    /** A page as fetched, with the cursor it was asked for. */
    private record Got(Page page, String cursor) {}

    /** A page and its records already decoded, validated and mapped (done on a prefetch thread). */
    private record Fetched(Page page, List<RecordPipeline.Outcome> outcomes) {}

    /** Fetches a page on a prefetch thread. */
    private CompletableFuture<Got> fetchAsync(Step.Pull step, String partition, String cursor) {
        PageRequest request = new PageRequest(step.stream().name(), partition, step.window(), cursor, step.pageSize());
        String origin = step.transport().name();
        return CompletableFuture.supplyAsync(
                () -> {
                    Page page = retry.call(() -> step.transport().fetch(request));
                    if (page == null) {
                        throw new TransportException(
                                origin + " answered no page for "
                                        + step.stream().name(),
                                null);
                    }
                    return new Got(page, cursor);
                },
                prefetch);
    }

    /** The fetch of the page after {@code got}, started as soon as {@code got} arrives; null after the last page. */
    private CompletableFuture<Got> follow(Step.Pull step, String partition, Got got) {
        return got.page().hasMore()
                ? fetchAsync(step, partition, nextCursor(got.page(), got.cursor()))
                : CompletableFuture.completedFuture(null);
    }

    /**
     * Takes a page's records through the pipeline (decode, validate, map) on a prefetch thread once it arrives, so
     * this work overlaps the store's apply of the page before it and the fetch of the page after it.
     */
    private CompletableFuture<Fetched> decodeAsync(
            Step.Pull step, String partition, CompletableFuture<Got> page, StepRun run) {
        String origin = step.transport().name();
        return page.thenApplyAsync(
                got -> new Fetched(
                        got.page(),
                        decodeShared(step.stream(), partition, got.page().records(), origin, run)),
                prefetch);
    }

    /**
     * As {@link #decode}, the page's records split into contiguous parts that up to {@link #decodeThreads} threads
     * take, this one included; the outcomes keep the page's order. A part no helper has started by the time this
     * thread is free is taken by this thread, so the page never waits for a thread to become free.
     */
    private <T> List<RecordPipeline.Outcome> decodeShared(
            SyncStream<T> stream, String partition, List<String> raws, String origin, StepRun run) {
        int threads = Math.min(decodeThreads, raws.size() / MIN_RECORDS_PER_THREAD);
        if (threads <= 1) {
            return decode(stream, partition, raws, origin, run);
        }
        var now = run.clock().instant();
        RecordPipeline.Outcome[] outcomes = new RecordPipeline.Outcome[raws.size()];
        int parts = threads * 2; // smaller parts even out threads that get less of the processors
        AtomicInteger nextPart = new AtomicInteger();
        Runnable work = () -> {
            for (int p = nextPart.getAndIncrement(); p < parts; p = nextPart.getAndIncrement()) {
                int from = (int) ((long) raws.size() * p / parts);
                int to = (int) ((long) raws.size() * (p + 1) / parts);
                for (int i = from; i < to; i++) {
                    outcomes[i] = RecordPipeline.process(stream, raws.get(i), partition, origin, now);
                }
            }
        };
        List<CompletableFuture<Void>> helpers = new ArrayList<>(threads - 1);
        for (int h = 1; h < threads; h++) {
            helpers.add(CompletableFuture.runAsync(work, prefetch));
        }
        work.run();
        CompletableFuture.allOf(helpers.toArray(CompletableFuture[]::new)).join();
        return Arrays.asList(outcomes);
    }

    private static <T> List<RecordPipeline.Outcome> decode(
            SyncStream<T> stream, String partition, List<String> raws, String origin, StepRun run) {
        var now = run.clock().instant();
        List<RecordPipeline.Outcome> outcomes = new ArrayList<>(raws.size());
        for (String raw : raws) {
            outcomes.add(RecordPipeline.process(stream, raw, partition, origin, now));
        }
        return outcomes;
    }

    private static Fetched await(Future<Fetched> future, Step.Pull step, String partition, String cursor) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("pull of " + step.stream().name() + " was interrupted", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SyncException se) {
                throw se;
            }
            throw new TransportException(
                    "fetching a page of " + step.stream().name()
                            + (partition.isEmpty() ? "" : " partition " + partition) + " after cursor " + cursor
                            + " from "
                            + step.transport().name() + " failed: " + cause,
                    cause);
        }
    }

    /** Decodes, validates, maps, dedupes and settles conflicts; nothing is written yet. */
    public <T> PageWork prepare(
            SyncStream<T> stream,
            String partition,
            List<String> raws,
            String origin,
            StepRun run,
            Long forcedQuarantineId) {
        return prepareDecoded(
                stream, partition, raws, decode(stream, partition, raws, origin, run), run, forcedQuarantineId != null);
    }

    /** As {@link #prepare}, for records already through the pipeline (in the order of {@code raws}). */
    private <T> PageWork prepareDecoded(
            SyncStream<T> stream,
            String partition,
            List<String> raws,
            List<RecordPipeline.Outcome> outcomes,
            StepRun run,
            boolean forceRemote) {
        run.received(raws.size());
        Map<String, Change> byKey = new LinkedHashMap<>();
        PageWork work = new PageWork();
        for (int i = 0; i < outcomes.size(); i++) {
            RecordPipeline.Outcome outcome = outcomes.get(i);
            if (outcome.rejected() != null) {
                work.quarantine.add(outcome.rejected());
                continue;
            }
            Change change = outcome.change();
            Change kept = byKey.get(change.key());
            if (kept == null || change.version() >= kept.version()) {
                byKey.put(change.key(), change);
                work.raw.put(change.key(), raws.get(i));
            }
        }
        int repeats = raws.size() - work.quarantine.size() - byKey.size();
        work.unchangedInPage = Math.max(0, repeats);
        settleConflicts(stream, partition, byKey, work, run, forceRemote);
        work.changes.addAll(byKey.values());
        return work;
    }

    private void settleConflicts(
            SyncStream<?> stream,
            String partition,
            Map<String, Change> byKey,
            PageWork work,
            StepRun run,
            boolean forceRemote) {
        SyncStore store = run.store();
        if (byKey.isEmpty() || !store.hasPending(stream.name())) {
            return;
        }
        Map<String, OutboxEntry> pending = store.pendingFor(stream.name(), byKey.keySet());
        if (pending.isEmpty()) {
            return;
        }
        var resolver = stream.conflictResolver();
        Map<String, Map<String, Object>> bases =
                resolver.needsBaseline() ? store.baselines(stream.name(), pending.keySet()) : Map.of();
        for (var e : pending.entrySet()) {
            String key = e.getKey();
            OutboxEntry local = e.getValue();
            Change remote = byKey.get(key);
            Resolution resolution = forceRemote
                    ? Resolution.takeRemote()
                    : resolve(resolver, new Conflict(stream.name(), key, local.change(), remote, bases.get(key)));
            run.conflict(key, resolution.outcome());
            if (resolution instanceof Resolution.TakeRemote) {
                work.dropOutbox.add(local.sequence());
            } else if (resolution instanceof Resolution.KeepLocal) {
                byKey.remove(key);
            } else if (resolution instanceof Resolution.Merged m) {
                byKey.put(key, remote.with(m.fields(), remote.version()));
                long localVersion = Math.max(local.change().version(), remote.version() + 1);
                work.rewriteOutbox.put(local.sequence(), local.change().with(m.fields(), localVersion));
            } else if (resolution instanceof Resolution.Quarantine q) {
                byKey.remove(key);
                work.quarantine.add(QuarantineEntry.of(
                        stream.name(),
                        key,
                        partition,
                        QuarantineStage.CONFLICT,
                        q.reason(),
                        work.raw.get(key),
                        remote.version(),
                        run.clock().instant()));
            }
        }
    }

    private static Resolution resolve(br.dev.sync.core.spi.ConflictResolver resolver, Conflict conflict) {
        try {
            Resolution r = resolver.resolve(conflict);
            return r != null
                    ? r
                    : new Resolution.Quarantine("the conflict rule gave no answer for key " + conflict.key());
        } catch (RuntimeException e) {
            return new Resolution.Quarantine(
                    "the conflict rule failed for key " + conflict.key() + ": " + RecordPipeline.firstLine(e));
        }
    }

    /** Writes a prepared page; if the store refuses the batch, applies its records one by one to isolate the bad ones. */
    public <T> void commit(
            SyncStream<T> stream,
            PageWork work,
            CheckpointId checkpoint,
            String cursor,
            List<Long> released,
            StepRun run) {
        boolean baseline = stream.conflictResolver().needsBaseline();
        ApplyBatch batch = new ApplyBatch(
                stream.name(),
                work.changes,
                work.quarantine,
                released,
                work.dropOutbox,
                work.rewriteOutbox,
                List.of(),
                checkpoint,
                cursor,
                baseline,
                null);
        try {
            ApplyResult result = retry.call(() -> run.store().apply(batch));
            record(work.quarantine, result, work.unchangedInPage, run);
        } catch (StoreException e) {
            if (work.changes.isEmpty()) {
                throw e;
            }
            LOG.debug("store refused a page of {}, isolating the bad records: {}", stream.name(), e.getMessage());
            isolate(stream, work, checkpoint, cursor, released, run, baseline);
        }
    }

    private void isolate(
            SyncStream<?> stream,
            PageWork work,
            CheckpointId checkpoint,
            String cursor,
            List<Long> released,
            StepRun run,
            boolean baseline) {
        List<QuarantineEntry> quarantine = new ArrayList<>(work.quarantine);
        int applied = 0;
        int unchanged = 0;
        for (Change change : work.changes) {
            ApplyBatch one = new ApplyBatch(
                    stream.name(),
                    List.of(change),
                    List.of(),
                    List.of(),
                    List.of(),
                    Map.of(),
                    List.of(),
                    null,
                    null,
                    baseline,
                    null);
            try {
                ApplyResult r = retry.call(() -> run.store().apply(one));
                applied += r.applied();
                unchanged += r.unchanged();
            } catch (StoreException e) {
                quarantine.add(QuarantineEntry.of(
                        stream.name(),
                        change.key(),
                        checkpoint == null ? "" : checkpoint.partition(),
                        QuarantineStage.APPLY,
                        "the store refused it: " + RecordPipeline.firstLine(e),
                        work.raw.getOrDefault(change.key(), change.toString()),
                        change.version(),
                        run.clock().instant()));
            }
        }
        ApplyBatch rest = new ApplyBatch(
                stream.name(),
                List.of(),
                quarantine,
                released,
                work.dropOutbox,
                work.rewriteOutbox,
                List.of(),
                checkpoint,
                cursor,
                baseline,
                null);
        ApplyResult result = retry.call(() -> run.store().apply(rest));
        record(quarantine, new ApplyResult(applied, unchanged, result.quarantineIds()), work.unchangedInPage, run);
    }

    private static void record(List<QuarantineEntry> entries, ApplyResult result, int unchangedInPage, StepRun run) {
        run.applied(result.applied());
        run.unchanged(result.unchanged() + unchangedInPage);
        for (int i = 0; i < entries.size(); i++) {
            long id = i < result.quarantineIds().size() ? result.quarantineIds().get(i) : 0;
            run.quarantined(entries.get(i).withId(id));
        }
    }

    /** One page's worth of writes, before they are committed. */
    public static final class PageWork {
        final List<Change> changes = new ArrayList<>();
        final List<QuarantineEntry> quarantine = new ArrayList<>();
        final List<Long> dropOutbox = new ArrayList<>();
        final Map<Long, Change> rewriteOutbox = new HashMap<>();
        final Map<String, String> raw = new HashMap<>();
        int unchangedInPage;

        public boolean rejected() {
            return changes.isEmpty() && !quarantine.isEmpty();
        }

        public List<QuarantineEntry> quarantine() {
            return quarantine;
        }
    }
}
