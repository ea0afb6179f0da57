package br.dev.sync.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The period a sync covers (the "período da atualização"), both ends inclusive, or {@link #SINCE_CHECKPOINT}:
 * whatever changed since the last checkpoint. A checkpoint belongs to its window, so a sync of one period never
 * skips records of another.
 *
 * <p>Immutable and thread-safe.
 */
public record Window(LocalDate from, LocalDate to) {
    /** The default zone of "today": the SDK's users are Brazilian back offices. */
    public static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    /** No period: everything since the last checkpoint. */
    public static final Window SINCE_CHECKPOINT = new Window(null, null);

    public Window {
        if ((from == null) != (to == null)) {
            throw new ConfigurationException("window", List.of("from and to: give both or neither"));
        }
        if (from != null && to.isBefore(from)) {
            throw new ConfigurationException("window", List.of("to: " + to + " is before from " + from));
        }
    }

    public static Window of(LocalDate from, LocalDate to) {
        return new Window(from, to);
    }

    public static Window day(LocalDate day) {
        return new Window(day, day);
    }

    public static Window today() {
        return today(Clock.system(SAO_PAULO));
    }

    public static Window today(Clock clock) {
        return day(LocalDate.now(clock));
    }

    /** The last {@code days} days, today included. */
    public static Window lastDays(int days) {
        LocalDate today = LocalDate.now(SAO_PAULO);
        return new Window(today.minusDays(Math.max(1, days) - 1L), today);
    }

    public boolean isOpen() {
        return from == null;
    }

    /** A stable text form, part of the checkpoint's identity: "" when open, else "2026-11-01..2026-11-21". */
    public String key() {
        return isOpen() ? "" : from + ".." + to;
    }

    @Override
    public String toString() {
        return isOpen() ? "since last checkpoint" : from.equals(to) ? from.toString() : from + ".." + to;
    }
}
