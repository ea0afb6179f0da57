package br.dev.sync.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.dev.sync.core.ConfigurationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** 2026-11-23 is a Monday. */
    private static Instant sp(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SAO_PAULO).toInstant();
    }

    private static Optional<LocalDateTime> next(Schedule s, String now) {
        return s.nextRun(sp(now)).map(ZonedDateTime::toLocalDateTime);
    }

    private static Optional<LocalDateTime> nextHeavy(Schedule s, String now) {
        return s.nextRun(sp(now), true).map(ZonedDateTime::toLocalDateTime);
    }

    private static Optional<LocalDateTime> at(String localDateTime) {
        return Optional.of(LocalDateTime.parse(localDateTime));
    }

    private static Schedule.Builder from(String start, Duration repeat) {
        return Schedule.builder().start(LocalTime.parse(start)).repeatEvery(repeat);
    }

    @Nested
    class Slots {
        @Test
        void anIntervalThatDoesNotDivideTheDayRestartsAtTheStartTimeNextDay() {
            Schedule s = from("08:00", Duration.ofHours(7)).build();

            assertThat(next(s, "2026-11-23T07:00")).isEqualTo(at("2026-11-23T08:00"));
            assertThat(next(s, "2026-11-23T08:00")).isEqualTo(at("2026-11-23T15:00"));
            assertThat(next(s, "2026-11-23T15:00")).isEqualTo(at("2026-11-23T22:00"));
            assertThat(next(s, "2026-11-23T22:00")).isEqualTo(at("2026-11-24T08:00"));
        }

        @Test
        void theNextRunIsStrictlyAfterNowSoPollingAtASlotGivesTheFollowingOne() {
            Schedule s = from("08:00", Duration.ofMinutes(90)).build();

            assertThat(next(s, "2026-11-23T09:29:59.999")).isEqualTo(at("2026-11-23T09:30"));
            assertThat(next(s, "2026-11-23T09:30")).isEqualTo(at("2026-11-23T11:00"));
        }

        @Test
        void slotsStopAtMidnightAndTheNextDayStartsAgain() {
            Schedule s = from("20:00", Duration.ofMinutes(90)).build();

            assertThat(next(s, "2026-11-23T22:59")).isEqualTo(at("2026-11-23T23:00"));
            assertThat(next(s, "2026-11-23T23:00")).isEqualTo(at("2026-11-24T20:00"));
            assertThat(next(s, "2026-11-24T00:30")).isEqualTo(at("2026-11-24T20:00"));
        }

        @Test
        void anIntervalOfExactly24HoursIsOnceADay() {
            Schedule s = from("08:00", Duration.ofHours(24)).build();

            assertThat(next(s, "2026-11-23T08:00")).isEqualTo(at("2026-11-24T08:00"));
            assertThat(s).isNotEqualTo(Schedule.daily(LocalTime.of(8, 0)));
            assertThat(s.describe()).isEqualTo("daily at 08:00 on every day (America/Sao_Paulo)");
        }

        @Test
        void aStartAt2359RunsOnceADayWhateverTheInterval() {
            Schedule s = from("23:59", Duration.ofMinutes(30)).build();

            assertThat(next(s, "2026-11-23T23:58:59")).isEqualTo(at("2026-11-23T23:59"));
            assertThat(next(s, "2026-11-23T23:59")).isEqualTo(at("2026-11-24T23:59"));
        }

        @Test
        void everyFromMidnightCoversTheWholeDay() {
            Schedule s = Schedule.every(Duration.ofMinutes(15));

            assertThat(next(s, "2026-11-23T23:50")).isEqualTo(at("2026-11-24T00:00"));
            assertThat(next(s, "2026-11-23T12:01")).isEqualTo(at("2026-11-23T12:15"));
        }

        @Test
        void theResultIsInTheScheduleZone() {
            Schedule s = Schedule.daily(LocalTime.of(8, 0));

            assertThat(s.nextRun(Instant.parse("2026-11-23T11:00:00Z"))) // 08:00 in São Paulo
                    .contains(ZonedDateTime.of(LocalDateTime.parse("2026-11-24T08:00"), SAO_PAULO));
        }
    }

    @Nested
    class Weekdays {
        private final Schedule weekdaysAt8 = Schedule.builder()
                .start(LocalTime.of(8, 0))
                .weekdays(
                        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .build();

        @Test
        void afterFridaysRunTheNextIsMonday() {
            assertThat(next(weekdaysAt8, "2026-11-27T08:00")).isEqualTo(at("2026-11-30T08:00"));
        }

        @Test
        void sundayNightGoesToMondayMorning() {
            assertThat(next(weekdaysAt8, "2026-11-29T23:59:59")).isEqualTo(at("2026-11-30T08:00"));
        }

        @Test
        void anIntervalRunOnSaturdayAfterMidnightFridayIsSkipped() {
            Schedule s = Schedule.builder()
                    .start(LocalTime.of(22, 0))
                    .repeatEvery(Duration.ofHours(1))
                    .weekdays(DayOfWeek.FRIDAY, DayOfWeek.SUNDAY)
                    .build();

            assertThat(next(s, "2026-11-27T23:00")).isEqualTo(at("2026-11-29T22:00"));
        }

        @Test
        void noWeekdayChosenMeansNoRun() {
            Schedule s = Schedule.builder().weekdays(Set.of()).build();

            assertThat(s.nextRun(Instant.now())).isEmpty();
            assertThat(s.describe()).isEqualTo("daily at 00:00 on no day (America/Sao_Paulo)");
        }

        @Test
        void aDisabledScheduleNeverRuns() {
            Schedule s = from("08:00", Duration.ofHours(1)).enabled(false).build();

            assertThat(s.nextRun(Instant.now())).isEmpty();
            assertThat(s.nextRun(Instant.now(), true)).isEmpty();
            assertThat(s.describe()).startsWith("disabled: every 1:00 from 08:00");
        }
    }

    @Nested
    class QuietHoursForHeavyPlans {
        @Test
        void heavyPlansWaitForTheEndOfDaytimeQuietHoursLightOnesDoNot() {
            Schedule s = from("00:00", Duration.ofHours(1))
                    .quietHours(LocalTime.of(8, 0), LocalTime.of(18, 0))
                    .build();

            assertThat(next(s, "2026-11-23T07:30")).isEqualTo(at("2026-11-23T08:00"));
            assertThat(nextHeavy(s, "2026-11-23T07:30")).isEqualTo(at("2026-11-23T18:00"));
            assertThat(nextHeavy(s, "2026-11-23T06:30")).isEqualTo(at("2026-11-23T07:00"));
        }

        @Test
        void quietHoursCrossingMidnightHoldLateEveningAndEarlyMorning() {
            Schedule s = from("00:00", Duration.ofHours(1))
                    .quietHours(LocalTime.of(22, 0), LocalTime.of(6, 0))
                    .build();

            assertThat(next(s, "2026-11-23T21:30")).isEqualTo(at("2026-11-23T22:00"));
            assertThat(nextHeavy(s, "2026-11-23T21:30")).isEqualTo(at("2026-11-24T06:00"));
            assertThat(nextHeavy(s, "2026-11-24T02:10")).isEqualTo(at("2026-11-24T06:00"));
            assertThat(nextHeavy(s, "2026-11-24T06:00")).isEqualTo(at("2026-11-24T07:00"));
        }

        @Test
        void aHeavyPlanWhoseEverySlotIsQuietHasNoNextRun() {
            Schedule s = Schedule.builder()
                    .start(LocalTime.of(10, 0))
                    .quietHours(LocalTime.of(8, 0), LocalTime.of(18, 0))
                    .build();

            assertThat(next(s, "2026-11-23T07:00")).isEqualTo(at("2026-11-23T10:00"));
            assertThat(nextHeavy(s, "2026-11-23T07:00")).isEmpty();
        }

        @Test
        void theWindowIncludesItsStartAndExcludesItsEnd() {
            QuietHours q = QuietHours.between(LocalTime.of(22, 0), LocalTime.of(6, 0));

            assertThat(q.contains(LocalTime.of(22, 0))).isTrue();
            assertThat(q.contains(LocalTime.MIDNIGHT)).isTrue();
            assertThat(q.contains(LocalTime.of(5, 59, 59))).isTrue();
            assertThat(q.contains(LocalTime.of(6, 0))).isFalse();
            assertThat(q.contains(LocalTime.of(21, 59))).isFalse();
        }
    }

    @Nested
    class DaylightSaving {
        /** In 2026 New York springs forward on 8 March, 02:00 EST to 03:00 EDT. */
        @Test
        void aDailySlotInTheGapMovesForwardByTheGap() {
            Schedule s =
                    Schedule.builder().start(LocalTime.of(2, 30)).zone(NEW_YORK).build();

            ZonedDateTime run = s.nextRun(Instant.parse("2026-03-07T12:00:00Z")).orElseThrow();
            assertThat(run.toLocalDateTime())
                    .isEqualTo(
                            LocalDateTime.parse("2026-03-07T02:30").plusDays(1).plusHours(1));
            assertThat(run.toInstant()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        }

        @Test
        void slotsInTheGapRunOnceEachAndInInstantOrder() {
            Schedule s = Schedule.builder()
                    .start(LocalTime.MIDNIGHT)
                    .repeatEvery(Duration.ofMinutes(30))
                    .zone(NEW_YORK)
                    .build();

            Instant t = Instant.parse("2026-03-08T06:40:00Z"); // 01:40 EST
            t = assertNext(s, t, "2026-03-08T07:00:00Z"); // local 02:00 and 03:00 both mean 03:00 EDT
            t = assertNext(s, t, "2026-03-08T07:30:00Z"); // 02:30 and 03:30 both mean 03:30 EDT
            assertNext(s, t, "2026-03-08T08:00:00Z"); // 04:00 EDT
        }

        /** In 2026 New York falls back on 1 November, 02:00 EDT to 01:00 EST: 01:00-01:59 happen twice. */
        @Test
        void aSlotInTheOverlapRunsOnceAtTheEarlierInstant() {
            Schedule s =
                    Schedule.builder().start(LocalTime.of(1, 30)).zone(NEW_YORK).build();

            Instant t = Instant.parse("2026-11-01T04:00:00Z"); // 00:00 EDT
            t = assertNext(s, t, "2026-11-01T05:30:00Z"); // 01:30 EDT
            assertNext(s, t, "2026-11-02T06:30:00Z"); // not 01:30 EST the same night: next day
        }

        @Test
        void hourlySlotsFollowTheWallClockThroughTheOverlap() {
            Schedule s = Schedule.builder()
                    .start(LocalTime.MIDNIGHT)
                    .repeatEvery(Duration.ofHours(1))
                    .zone(NEW_YORK)
                    .build();

            Instant t = assertNext(s, Instant.parse("2026-11-01T04:30:00Z"), "2026-11-01T05:00:00Z"); // 01:00 EDT
            assertNext(s, t, "2026-11-01T07:00:00Z"); // 02:00 EST, two hours later
        }

        private Instant assertNext(Schedule s, Instant now, String expected) {
            Instant run = s.nextRun(now).orElseThrow().toInstant();
            assertThat(run).as("next after %s", now).isEqualTo(Instant.parse(expected));
            return run;
        }
    }

    @Nested
    class Coverage {
        @Test
        void allEstablishmentsAndSystemsByDefault() {
            Schedule s = Schedule.daily(LocalTime.NOON);

            assertThat(s.coversEstablishment("0001")).isTrue();
            assertThat(s.coversSystem("DASH")).isTrue();
            assertThat(s.allEstablishments()).isTrue();
            assertThat(s.establishments()).isEmpty();
        }

        @Test
        void chosenEstablishmentsAndSystemsOnly() {
            Schedule s = Schedule.builder()
                    .establishments("0002", "0001")
                    .systems("omniforce")
                    .build();

            assertThat(s.coversEstablishment("0001")).isTrue();
            assertThat(s.coversEstablishment("0003")).isFalse();
            assertThat(s.coversSystem("OmniForce")).isTrue();
            assertThat(s.coversSystem("DASH")).isFalse();
            assertThat(s.coversSystem(null)).isFalse();
            assertThat(s.establishments()).containsExactly("0001", "0002");
            assertThat(s.systems()).containsExactly("OMNIFORCE");
        }
    }

    @Nested
    class Description {
        @Test
        void describesIntervalWeekdaysAndZone() {
            Schedule s = from("08:00", Duration.ofMinutes(90))
                    .weekdays(
                            DayOfWeek.MONDAY,
                            DayOfWeek.TUESDAY,
                            DayOfWeek.WEDNESDAY,
                            DayOfWeek.THURSDAY,
                            DayOfWeek.FRIDAY)
                    .build();

            assertThat(s.describe()).isEqualTo("every 1:30 from 08:00 on MON-FRI (America/Sao_Paulo)");
        }

        @Test
        void describesScatteredDaysChoicesAndQuietHours() {
            Schedule s = Schedule.builder()
                    .start(LocalTime.of(7, 30))
                    .weekdays(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)
                    .establishments("0001")
                    .systems("dash", "OMNIFORCE")
                    .quietHours(LocalTime.of(22, 0), LocalTime.of(6, 0))
                    .zone(NEW_YORK)
                    .build();

            assertThat(s.describe())
                    .isEqualTo("daily at 07:30 on MON,WED,FRI (America/New_York), establishments 0001,"
                            + " systems DASH,OMNIFORCE, heavy plans not in 22:00-06:00");
        }
    }

    @Nested
    class Validation {
        @Test
        void everyProblemIsReportedAtOnce() {
            ConfigurationException e = catchThrowableOfType(
                    ConfigurationException.class,
                    () -> Schedule.builder()
                            .start(null)
                            .repeatEvery(Duration.ofHours(25))
                            .establishments("0001", " ")
                            .quietHours(LocalTime.of(8, 0), LocalTime.of(8, 0))
                            .zone(null)
                            .intervals(null)
                            .build());

            assertThat(e.violations())
                    .containsExactly(
                            "establishments[].<iterable element>: must not be blank (value ' ')",
                            "intervals: must not be null",
                            "quietHours: from and to must differ (a window of zero length is ambiguous)",
                            "repeat: must be between 1 minute and 24 hours (was PT25H)",
                            "start: must not be null",
                            "zone: must not be null");
            assertThat(e).hasMessageStartingWith("schedule is not valid: ");
        }

        @Test
        void aZeroOrNegativeIntervalIsRefused() {
            for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMinutes(-5), Duration.ofSeconds(59)}) {
                ConfigurationException e = catchThrowableOfType(
                        ConfigurationException.class,
                        () -> Schedule.builder().repeatEvery(bad).build());
                assertThat(e.violations())
                        .containsExactly("repeat: must be between 1 minute and 24 hours (was " + bad + ")");
            }
        }

        @Test
        void equalSettingsMakeEqualSchedules() {
            Schedule a = from("08:00", Duration.ofHours(2)).systems("dash").build();
            Schedule b = from("08:00", Duration.ofHours(2)).systems("DASH").build();

            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            assertThat(a).hasToString("Schedule[" + a.describe() + "]");
        }
    }
}
