package br.dev.sync.core.internal.schedule;

import br.dev.sync.core.schedule.QuietHours;
import br.dev.sync.core.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/** The slot arithmetic behind {@link Schedule#nextRun(Instant, boolean)}. */
public final class Slots {
    /** Days searched after today: a full week, plus one for a slot pushed past midnight. */
    static final int DAYS_AHEAD = 8;

    private static final long NANOS_PER_DAY = Duration.ofDays(1).toNanos();

    private Slots() {}

    /**
     * The earliest slot of {@code schedule} strictly after {@code now} whose local time is outside {@code quiet}
     * ({@code null}: no quiet hours). The schedule is enabled and has at least one weekday.
     */
    public static Optional<ZonedDateTime> next(Schedule schedule, Instant now, QuietHours quiet) {
        LocalDate today = LocalDate.ofInstant(now, schedule.zone());
        ZonedDateTime best = null;
        LocalDate bestDay = null;
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(DAYS_AHEAD)); day = day.plusDays(1)) {
            if (bestDay != null && day.isAfter(bestDay.plusDays(1))) {
                break;
            }
            ZonedDateTime found = earliestOn(day, schedule, now, quiet);
            if (found != null && (best == null || found.isBefore(best))) {
                best = found;
                bestDay = bestDay == null ? day : bestDay;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The earliest slot of {@code day} after {@code now}. Every slot of the day is looked at: a slot in a
     * daylight-saving gap moves forward, past later slots, so local order is not instant order.
     */
    private static ZonedDateTime earliestOn(LocalDate day, Schedule schedule, Instant now, QuietHours quiet) {
        if (!schedule.weekdays().contains(day.getDayOfWeek())) {
            return null;
        }
        long step = schedule.repeat().map(Duration::toNanos).orElse(NANOS_PER_DAY);
        ZonedDateTime best = null;
        for (long nanos = schedule.start().toNanoOfDay(); nanos < NANOS_PER_DAY; nanos += step) {
            ZonedDateTime slot = ZonedDateTime.of(day, LocalTime.ofNanoOfDay(nanos), schedule.zone());
            boolean allowed = quiet == null || !quiet.contains(slot.toLocalTime());
            if (allowed && slot.toInstant().isAfter(now) && (best == null || slot.isBefore(best))) {
                best = slot;
            }
        }
        return best;
    }
}
