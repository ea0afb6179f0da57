package br.dev.sync.core.schedule;

import br.dev.sync.core.internal.schedule.NonEmptyWindow;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;

/**
 * A daily window of local time, {@code from} inclusive to {@code to} exclusive, in which heavy plans do not start.
 * The window may cross midnight: {@code 22:00-06:00} holds 23:00 and 05:59 but not 06:00. A window whose ends are
 * equal is refused when the schedule is built, because it could mean "never" as well as "always".
 *
 * <p>Immutable and thread-safe.
 */
@NonEmptyWindow
public record QuietHours(@NotNull LocalTime from, @NotNull LocalTime to) {
    public static QuietHours between(LocalTime from, LocalTime to) {
        return new QuietHours(from, to);
    }

    /** Whether the window crosses midnight, e.g. {@code 22:00-06:00}. */
    public boolean crossesMidnight() {
        return from.isAfter(to);
    }

    /** Whether {@code time} falls inside the window. */
    public boolean contains(LocalTime time) {
        if (crossesMidnight()) {
            return !time.isBefore(from) || time.isBefore(to);
        }
        return !time.isBefore(from) && time.isBefore(to);
    }

    /** {@code "22:00-06:00"}. */
    @Override
    public String toString() {
        return from + "-" + to;
    }
}
