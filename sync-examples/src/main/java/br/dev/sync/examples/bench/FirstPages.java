package br.dev.sync.examples.bench;

import br.dev.sync.core.spi.Page;
import br.dev.sync.core.spi.PageRequest;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import br.dev.sync.core.spi.SyncTransport;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transport that serves only the first pages of another one and then says no more follow: the warm-up of a
 * measured JVM runs the same code on them before the clock starts. Thread-safe.
 */
final class FirstPages implements SyncTransport {
    private final SyncTransport delegate;
    private final int pages;
    private final AtomicInteger served = new AtomicInteger();

    FirstPages(SyncTransport delegate, int pages) {
        this.delegate = delegate;
        this.pages = pages;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Page fetch(PageRequest request) {
        Page page = delegate.fetch(request);
        if (served.incrementAndGet() < pages) {
            return page;
        }
        return new Page(page.records(), page.nextCursor(), false, page.total());
    }

    @Override
    public List<PushAck> push(PushBatch batch) {
        return delegate.push(batch);
    }
}
