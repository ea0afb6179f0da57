package br.dev.sync.core.schedule;

import br.dev.sync.core.ConfigurationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How often automatic sync sends local changes and how often it receives remote ones; the ERP's "intervalo de
 * envio" and "intervalo de recebimento", which differ. Each lies between {@link #MIN} and {@link #MAX}.
 *
 * <p>A send (or receive) is due once its interval has passed since the last one finished; one that never ran is due
 * at once. The clock is passed in so that callers and tests control time.
 *
 * <p>Immutable and thread-safe.
 */
public record SyncIntervals(Duration send, Duration receive) {
    public static final Duration MIN = Duration.ofMinutes(1);
    public static final Duration MAX = Duration.ofHours(24);
    /** Five minutes each way: the ERP's automatic update. */
    public static final SyncIntervals DEFAULT = new SyncIntervals(Duration.ofMinutes(5), Duration.ofMinutes(5));

    /** @throws ConfigurationException naming each interval out of range */
    public SyncIntervals {
        List<String> problems = new ArrayList<>();
        check("send", send, problems);
        check("receive", receive, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException("sync intervals", problems);
        }
    }

    /** When the next send is due, given when the last one finished ({@code null}: never). */
    public Instant nextSend(Instant lastSend, Clock clock) {
        return due(lastSend, send, clock);
    }

    /** When the next receive is due, given when the last one finished ({@code null}: never). */
    public Instant nextReceive(Instant lastReceive, Clock clock) {
        return due(lastReceive, receive, clock);
    }

    public boolean sendDue(Instant lastSend, Clock clock) {
        return !nextSend(lastSend, clock).isAfter(clock.instant());
    }

    public boolean receiveDue(Instant lastReceive, Clock clock) {
        return !nextReceive(lastReceive, clock).isAfter(clock.instant());
    }

    private static Instant due(Instant last, Duration interval, Clock clock) {
        return last == null ? clock.instant() : last.plus(interval);
    }

    private static void check(String name, Duration value, List<String> problems) {
        if (value == null) {
            problems.add(name + ": must not be null");
        } else if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            problems.add(name + ": must be between 1 minute and 24 hours (was " + value + ")");
        }
    }
}
