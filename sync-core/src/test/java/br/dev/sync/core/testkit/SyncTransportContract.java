package br.dev.sync.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.Change;
import br.dev.sync.core.Window;
import br.dev.sync.core.spi.OutboxEntry;
import br.dev.sync.core.spi.Page;
import br.dev.sync.core.spi.PageRequest;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import br.dev.sync.core.spi.SyncTransport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The definition of a correct {@link SyncTransport}. Extend it and answer the factory methods: a transport on a
 * remote side that you can seed and inspect (a sandbox server, a WireMock stub set, a folder).
 */
public abstract class SyncTransportContract {

    /** A transport to a remote side holding nothing yet for {@link #pullStream()} and {@link #pushStream()}. */
    protected abstract SyncTransport transport();

    /** Puts {@code count} distinct records into the remote side's pull stream. */
    protected abstract void seedRemote(int count);

    /** The key of a raw record the transport returned. */
    protected abstract String keyOf(String raw);

    protected abstract String pullStream();

    protected abstract String pushStream();

    /** A valid local change of the push stream, number {@code i} (distinct keys). */
    protected abstract Change localChange(int i);

    /** How many distinct records of the push stream the remote side holds. */
    protected abstract long remoteCount();

    private List<String> readAll(SyncTransport t, String cursor, int limit, List<String> cursors) {
        List<String> all = new ArrayList<>();
        boolean more = true;
        int guard = 0;
        while (more && guard++ < 10_000) {
            Page page = t.fetch(new PageRequest(pullStream(), "", Window.SINCE_CHECKPOINT, cursor, limit));
            assertThat(page.records().size())
                    .as("a page holds at most the limit")
                    .isLessThanOrEqualTo(limit);
            all.addAll(page.records());
            cursor = page.nextCursor() != null ? page.nextCursor() : cursor;
            cursors.add(cursor);
            more = page.hasMore();
        }
        return all;
    }

    @Test
    void pagingThroughAStreamReturnsEveryRecord() {
        seedRemote(250);
        List<String> raws = readAll(transport(), null, 40, new ArrayList<>());
        Set<String> keys = new HashSet<>();
        raws.forEach(r -> keys.add(keyOf(r)));
        assertThat(keys).hasSize(250);
    }

    @Test
    void readingAgainFromACursorReturnsAtLeastWhatFollowsIt() {
        seedRemote(120);
        List<String> cursors = new ArrayList<>();
        List<String> first = readAll(transport(), null, 50, cursors);
        Set<String> firstKeys = new HashSet<>();
        first.forEach(r -> firstKeys.add(keyOf(r)));

        List<String> rest = readAll(transport(), cursors.get(0), 50, new ArrayList<>());
        Set<String> restKeys = new HashSet<>();
        rest.forEach(r -> restKeys.add(keyOf(r)));
        Set<String> firstPage = new HashSet<>();
        first.subList(0, 50).forEach(r -> firstPage.add(keyOf(r)));
        Set<String> expected = new HashSet<>(firstKeys);
        expected.removeAll(firstPage);
        assertThat(restKeys).containsAll(expected);
    }

    @Test
    void anEmptyStreamAnswersAnEmptyLastPage() {
        Page page = transport().fetch(new PageRequest(pullStream(), "", Window.SINCE_CHECKPOINT, null, 10));
        assertThat(page.records()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void aPushIsAcknowledgedRecordByRecordAndAResentBatchIsAppliedOnce() {
        List<OutboxEntry> entries = IntStream.range(0, 20)
                .mapToObj(i -> new OutboxEntry(100 + i, localChange(i)))
                .toList();
        PushBatch batch = new PushBatch("contract-batch-1", pushStream(), entries);

        List<PushAck> first = transport().push(batch);
        assertThat(first)
                .extracting(PushAck::sequence)
                .containsExactlyInAnyOrderElementsOf(
                        entries.stream().map(OutboxEntry::sequence).toList());
        assertThat(first).extracting(PushAck::status).containsOnly(PushAck.Status.ACCEPTED);
        assertThat(remoteCount()).isEqualTo(20);

        List<PushAck> again = transport().push(batch);
        assertThat(again).hasSize(20);
        assertThat(again).extracting(PushAck::status).doesNotContain(PushAck.Status.REJECTED);
        assertThat(remoteCount()).isEqualTo(20);
    }
}
