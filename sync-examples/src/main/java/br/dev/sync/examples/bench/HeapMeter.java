package br.dev.sync.examples.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap use of this JVM while a case runs: the highest used heap sampled every 10 ms (what {@code -Xmx} must
 * hold), and the mean heap still in use right after a collection, read from the collectors' notifications (close
 * to the live set: it grows with the rows when a sync keeps rows in memory, and stays flat when it streams).
 * Thread-safe.
 */
final class HeapMeter implements AutoCloseable {
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong afterGcSum = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final NotificationListener listener = (n, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long live = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed())
                    .sum();
            afterGcSum.addAndGet(live);
            collections.incrementAndGet();
        }
    };
    private final Thread sampler;
    private volatile boolean running = true;

    HeapMeter() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        sampler = new Thread(this::sample, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (running) {
            MemoryUsage heap = memory.getHeapMemoryUsage();
            peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Forgets what was seen so far (call after the untimed setup). */
    void reset() {
        System.gc();
        peakUsed.set(0);
        afterGcSum.set(0);
        collections.set(0);
    }

    double peakUsedMb() {
        return peakUsed.get() / 1048576.0;
    }

    /** The mean heap after a collection; if no collection ran, the highest sampled use. */
    double liveMb() {
        long n = collections.get();
        return (n > 0 ? afterGcSum.get() / n : peakUsed.get()) / 1048576.0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
