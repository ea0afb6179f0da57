package br.dev.sync.core.testkit;

import br.dev.sync.core.Change;
import br.dev.sync.core.RetryableTransportException;
import br.dev.sync.core.TransportException;
import br.dev.sync.core.spi.Page;
import br.dev.sync.core.spi.PageRequest;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import br.dev.sync.core.spi.SyncTransport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A remote system in memory, with switches that make it misbehave the way real ones do: failing calls, repeated
 * and reordered pages, lost acknowledgements, broken answers. Records are served in the order they were added,
 * the cursor being the offset; a record may be added again in a newer version (it is then served again).
 *
 * <p>Thread-safe.
 */
public final class FakeRemote implements SyncTransport {
    private final String name;
    private final Map<String, List<String>> log = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Change>> received = new ConcurrentHashMap<>();
    private final Set<String> seenBatches = Collections.synchronizedSet(new HashSet<>());
    private final Map<String, String> rejectKeys = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger pushes = new AtomicInteger();
    private final AtomicInteger applyCount = new AtomicInteger();
    private volatile int failNextFetches;
    private volatile int failFetchesFromPage = -1;
    private volatile boolean brokenPageAfterFirst;
    private volatile int loseNextAcks;
    private volatile int failNextPushes;
    private volatile double repeatPageChance;
    private volatile Random random = new Random(1);

    public FakeRemote(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Adds records (raw text) to a stream, served after the ones already there. */
    public void add(String stream, List<String> raws) {
        log.computeIfAbsent(stream, s -> Collections.synchronizedList(new ArrayList<>()))
                .addAll(raws);
    }

    public void add(String stream, String raw) {
        add(stream, List.of(raw));
    }

    /** The next {@code n} fetches fail with a retryable error. */
    public FakeRemote failNextFetches(int n) {
        failNextFetches = n;
        return this;
    }

    /** Every fetch from page {@code index} (0-based, by offset / limit) on fails, retryable, until reset with -1. */
    public FakeRemote failFetchesFromPage(int index) {
        failFetchesFromPage = index;
        return this;
    }

    /** Pages after the first answer a broken body (a non-retryable error, as an unreadable answer). */
    public FakeRemote brokenPageAfterFirst(boolean on) {
        brokenPageAfterFirst = on;
        return this;
    }

    /** With this chance a page is answered with the previous cursor, so the same records come again. */
    public FakeRemote repeatPages(double chance, long seed) {
        repeatPageChance = chance;
        random = new Random(seed);
        return this;
    }

    /** The next {@code n} pushes are applied but their answer is lost (the caller sees an I/O error). */
    public FakeRemote loseNextAcks(int n) {
        loseNextAcks = n;
        return this;
    }

    public FakeRemote failNextPushes(int n) {
        failNextPushes = n;
        return this;
    }

    /** Pushed records with this key are refused for this reason. */
    public FakeRemote reject(String key, String reason) {
        rejectKeys.put(key, reason);
        return this;
    }

    @Override
    public Page fetch(PageRequest request) {
        int call = fetches.incrementAndGet();
        List<String> all = log.getOrDefault(request.stream(), List.of());
        int offset = request.cursor() == null ? 0 : Integer.parseInt(request.cursor());
        if (failNextFetches > 0) {
            failNextFetches--;
            throw new RetryableTransportException(name + " is unavailable (fetch " + call + ")", 503, null, null);
        }
        if (failFetchesFromPage >= 0 && offset / request.limit() >= failFetchesFromPage) {
            throw new RetryableTransportException(name + " dropped the connection at offset " + offset, -1, null, null);
        }
        if (brokenPageAfterFirst && offset > 0) {
            throw new TransportException(
                    name + " answered a page of " + request.stream() + " that cannot be read", 200, null);
        }
        if (offset > 0 && random.nextDouble() < repeatPageChance) {
            offset = Math.max(0, offset - request.limit());
        }
        List<String> page;
        synchronized (all) {
            int end = Math.min(all.size(), offset + request.limit());
            page = offset >= end ? List.of() : new ArrayList<>(all.subList(offset, end));
        }
        int next = offset + page.size();
        boolean more;
        synchronized (all) {
            more = next < all.size();
        }
        return new Page(page, String.valueOf(next), more, all.size());
    }

    @Override
    public List<PushAck> push(PushBatch batch) {
        pushes.incrementAndGet();
        if (failNextPushes > 0) {
            failNextPushes--;
            throw new RetryableTransportException(name + " is unavailable for pushes", 503, null, null);
        }
        List<PushAck> acks = new ArrayList<>();
        boolean repeat = !seenBatches.add(batch.id());
        for (var e : batch.entries()) {
            String reason = rejectKeys.get(e.change().key());
            if (reason != null) {
                acks.add(PushAck.rejected(e.sequence(), reason));
            } else if (repeat) {
                acks.add(PushAck.duplicate(e.sequence()));
            } else {
                received.computeIfAbsent(batch.stream(), s -> new ConcurrentHashMap<>())
                        .put(e.change().key(), e.change());
                applyCount.incrementAndGet();
                acks.add(PushAck.accepted(e.sequence()));
            }
        }
        if (loseNextAcks > 0) {
            loseNextAcks--;
            throw new RetryableTransportException(name + " closed the connection before answering", -1, null, null);
        }
        return acks;
    }

    /** What the remote side holds of a pushed stream, by key. */
    public Map<String, Change> pushed(String stream) {
        return new LinkedHashMap<>(received.getOrDefault(stream, new HashMap<>()));
    }

    /** How many records the remote side applied from pushes (a record applied twice counts twice). */
    public int pushedApplications() {
        return applyCount.get();
    }

    public int fetchCount() {
        return fetches.get();
    }

    public int pushCount() {
        return pushes.get();
    }
}
