package br.dev.sync.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random schedules checked against a brute-force reference that walks minute by minute. The zones have no
 * daylight saving in the period drawn, so every local minute exists once; DST is covered in {@link ScheduleTest}.
 */
class ScheduleReferenceTest {
    private static final long SEED = 20261122L;
    private static final int CASES = 400;
    private static final int HORIZON_MINUTES = 9 * 24 * 60;
    private static final ZoneId[] ZONES = {
        ZoneId.of("America/Sao_Paulo"), ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"), ZoneId.of("America/Manaus")
    };
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(3 * 365).toSeconds();

    record Case(Schedule schedule, Instant now, boolean heavy) {
        @Override
        public String toString() {
            return schedule.describe() + " at " + now + (heavy ? " heavy" : " light");
        }
    }

    static Stream<Arguments> cases() {
        Random random = new Random(SEED);
        return IntStream.range(0, CASES).mapToObj(i -> Arguments.of(randomCase(random)));
    }

    private static Case randomCase(Random r) {
        Schedule.Builder b = Schedule.builder()
                .start(LocalTime.ofSecondOfDay(60L * r.nextInt(24 * 60)))
                .zone(ZONES[r.nextInt(ZONES.length)])
                .weekdays(randomDays(r));
        int kind = r.nextInt(10);
        if (kind < 2) {
            b.repeatEvery(null);
        } else {
            int maxMinutes = kind < 6 ? 120 : 24 * 60;
            b.repeatEvery(Duration.ofMinutes(1 + r.nextInt(maxMinutes)));
        }
        if (r.nextInt(10) < 6) {
            LocalTime from = r.nextBoolean() ? onGrid(b.build(), r) : LocalTime.ofSecondOfDay(60L * r.nextInt(24 * 60));
            LocalTime to = r.nextBoolean() ? onGrid(b.build(), r) : from.plusMinutes(1 + r.nextInt(24 * 60 - 1));
            b.quietHours(from, to.equals(from) ? from.plusMinutes(1) : to);
        }
        Schedule schedule = b.build();
        Instant now = FROM.plusSeconds((long) (r.nextDouble() * SPAN_SECONDS));
        int exact = r.nextInt(3);
        if (exact == 1) {
            now = now.truncatedTo(ChronoUnit.MINUTES);
        } else if (exact == 2) { // exactly on a slot time of that day
            now = now.atZone(schedule.zone()).with(onGrid(schedule, r)).toInstant();
        }
        return new Case(schedule, now, r.nextBoolean());
    }

    /** A slot time of {@code s}, to put quiet-hour ends and "now" right on slots. */
    private static LocalTime onGrid(Schedule s, Random r) {
        long every = s.repeat().map(Duration::toMinutes).orElse(24L * 60);
        long slots = 1 + (24 * 60 - 1 - s.start().toSecondOfDay() / 60) / every;
        return s.start().plusMinutes(every * r.nextInt((int) Math.min(slots, Integer.MAX_VALUE)));
    }

    private static Set<DayOfWeek> randomDays(Random r) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (r.nextInt(10) < 6) {
                days.add(d);
            }
        }
        return days;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void nextRunIsTheFirstSlotAfterNowThatTheReferenceFinds(Case c) {
        Optional<ZonedDateTime> actual = c.schedule().nextRun(c.now(), c.heavy());

        assertThat(actual.map(ZonedDateTime::toInstant)).isEqualTo(reference(c));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void nextRunIsAfterNowOnAnAllowedDayAndNeverQuietWhenHeavy(Case c) {
        Schedule s = c.schedule();
        c.schedule().nextRun(c.now(), c.heavy()).ifPresent(run -> {
            assertThat(run.toInstant()).isAfter(c.now());
            assertThat(run.getZone()).isEqualTo(s.zone());
            assertThat(s.weekdays()).contains(run.getDayOfWeek());
            if (c.heavy()) {
                assertThat(s.quietHours().filter(q -> q.contains(run.toLocalTime())))
                        .isEmpty();
            }
        });
    }

    /** The first minute strictly after now that is a slot, found by looking at every minute in turn. */
    private static Optional<Instant> reference(Case c) {
        Schedule s = c.schedule();
        if (!s.enabled()) {
            return Optional.empty();
        }
        Instant minute = c.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        for (int i = 0; i < HORIZON_MINUTES; i++, minute = minute.plus(1, ChronoUnit.MINUTES)) {
            if (isSlot(s, minute.atZone(s.zone()), c.heavy())) {
                return Optional.of(minute);
            }
        }
        return Optional.empty();
    }

    private static boolean isSlot(Schedule s, ZonedDateTime local, boolean heavy) {
        if (!s.weekdays().contains(local.getDayOfWeek())) {
            return false;
        }
        long minuteOfDay = local.getHour() * 60L + local.getMinute();
        long sinceStart = minuteOfDay - (s.start().getHour() * 60L + s.start().getMinute());
        long every = s.repeat().map(Duration::toMinutes).orElse(24L * 60);
        boolean onGrid = sinceStart >= 0 && sinceStart % every == 0;
        return onGrid && !(heavy && quiet(s, minuteOfDay));
    }

    /** Quiet-hours membership, written out again by minutes rather than with {@link QuietHours#contains}. */
    private static boolean quiet(Schedule s, long minuteOfDay) {
        if (s.quietHours().isEmpty()) {
            return false;
        }
        long from = s.quietHours().get().from().toSecondOfDay() / 60;
        long to = s.quietHours().get().to().toSecondOfDay() / 60;
        return from < to ? from <= minuteOfDay && minuteOfDay < to : minuteOfDay >= from || minuteOfDay < to;
    }
}
