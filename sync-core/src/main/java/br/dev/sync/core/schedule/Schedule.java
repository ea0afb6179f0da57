package br.dev.sync.core.schedule;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.internal.schedule.ScheduleText;
import br.dev.sync.core.internal.schedule.Slots;
import br.dev.sync.core.internal.validation.Validation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * When a plan runs: Omnisync's "start at HH:MM, repeat every H:MM, on these weekdays, for these establishments and
 * systems", with quiet hours in which heavy plans do not start.
 *
 * <h2>Slots</h2>
 * On each chosen weekday, in the schedule's time zone, the slots are the local times {@code start},
 * {@code start + repeat}, {@code start + 2 * repeat} ... as long as they fall on the same local date. The next day
 * starts again at {@code start}; so 7 hours from 08:00 gives 08:00, 15:00, 22:00 and next day 08:00. Without a
 * repeat interval there is one slot a day, at {@code start}.
 *
 * <h2>Next run</h2>
 * {@link #nextRun(Instant)} is the earliest slot <em>strictly after</em> {@code now}: a scheduler that asks again at
 * the instant a run starts gets the following slot, never the same one twice. Slots are local wall-clock times: one
 * that falls in a daylight-saving gap moves forward by the length of the gap (02:30 becomes 03:30 in New York on the
 * spring-forward day); one in an overlap runs once, at the earlier of the two instants. The search looks eight days
 * ahead; a heavy plan whose every slot lies in quiet hours has no next run.
 *
 * <p>Build with {@link #builder()}, or {@link #daily(LocalTime)} / {@link #every(Duration)}; {@code build()} reports
 * every problem at once in one {@link ConfigurationException}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Schedule {
    /** The time zone used when none is chosen. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Sao_Paulo");

    private static final String INTERVAL_RANGE = "must be between 1 minute and 24 hours (was ${validatedValue})";

    private final boolean enabled;

    @NotNull
    private final LocalTime start;

    @DurationMin(minutes = 1, message = INTERVAL_RANGE)
    @DurationMax(hours = 24, message = INTERVAL_RANGE)
    private final Duration repeat;

    @NotNull
    private final Set<DayOfWeek> weekdays;

    private final Set<@NotBlank String> establishments;
    private final Set<@NotBlank String> systems;

    @NotNull
    private final ZoneId zone;

    @Valid
    private final QuietHours quietHours;

    @NotNull
    private final SyncIntervals intervals;

    private Schedule(Builder b) {
        this.enabled = b.enabled;
        this.start = b.start;
        this.repeat = b.repeat;
        this.weekdays = b.weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(b.weekdays));
        this.establishments = b.establishments == null ? null : Set.copyOf(b.establishments);
        this.systems = b.systems == null ? null : Set.copyOf(b.systems);
        this.zone = b.zone;
        this.quietHours = b.quietHours;
        this.intervals = b.intervals;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Once a day at {@code start}, every day, in {@link #DEFAULT_ZONE}. */
    public static Schedule daily(LocalTime start) {
        return builder().start(start).build();
    }

    /** Every {@code interval} from midnight, every day, in {@link #DEFAULT_ZONE}. */
    public static Schedule every(Duration interval) {
        return builder().start(LocalTime.MIDNIGHT).repeatEvery(interval).build();
    }

    /** The earliest slot strictly after {@code now}; empty when disabled or no weekday is chosen. */
    public Optional<ZonedDateTime> nextRun(Instant now) {
        return nextRun(now, false);
    }

    /**
     * As {@link #nextRun(Instant)}; for a {@code heavy} plan, slots whose local start time (after any daylight-saving
     * shift) lies in the quiet hours are skipped.
     */
    public Optional<ZonedDateTime> nextRun(Instant now, boolean heavy) {
        Objects.requireNonNull(now, "now");
        if (!enabled || weekdays.isEmpty()) {
            return Optional.empty();
        }
        return Slots.next(this, now, heavy ? quietHours : null);
    }

    /** Whether runs of this schedule cover {@code establishment} (a code such as "0001"). */
    public boolean coversEstablishment(String establishment) {
        return establishments == null || establishments.contains(establishment);
    }

    /** Whether runs of this schedule cover {@code system} (e.g. "DASH", "OMNIFORCE"; case is ignored). */
    public boolean coversSystem(String system) {
        return systems == null || (system != null && systems.contains(system.toUpperCase(Locale.ROOT)));
    }

    /** A line for people, e.g. {@code "every 1:30 from 08:00 on MON-FRI (America/Sao_Paulo)"}. */
    public String describe() {
        return ScheduleText.describe(this);
    }

    public boolean enabled() {
        return enabled;
    }

    public LocalTime start() {
        return start;
    }

    /** The repeat interval; empty means once a day at {@link #start()}. */
    public Optional<Duration> repeat() {
        return Optional.ofNullable(repeat);
    }

    /** The chosen weekdays, all seven unless narrowed; empty means the schedule never runs. */
    public Set<DayOfWeek> weekdays() {
        return weekdays;
    }

    /** Whether every establishment is covered; otherwise {@link #establishments()} lists them. */
    public boolean allEstablishments() {
        return establishments == null;
    }

    /** The chosen establishment codes, sorted; empty when {@link #allEstablishments()}. */
    public Set<String> establishments() {
        return establishments == null ? Set.of() : sorted(establishments);
    }

    /** Whether every system is covered; otherwise {@link #systems()} lists them. */
    public boolean allSystems() {
        return systems == null;
    }

    /** The chosen systems in upper case, sorted; empty when {@link #allSystems()}. */
    public Set<String> systems() {
        return systems == null ? Set.of() : sorted(systems);
    }

    public ZoneId zone() {
        return zone;
    }

    public Optional<QuietHours> quietHours() {
        return Optional.ofNullable(quietHours);
    }

    /** The separate send and receive intervals of automatic sync. */
    public SyncIntervals intervals() {
        return intervals;
    }

    private static Set<String> sorted(Set<String> values) {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s
                && enabled == s.enabled
                && start.equals(s.start)
                && Objects.equals(repeat, s.repeat)
                && weekdays.equals(s.weekdays)
                && Objects.equals(establishments, s.establishments)
                && Objects.equals(systems, s.systems)
                && zone.equals(s.zone)
                && Objects.equals(quietHours, s.quietHours)
                && intervals.equals(s.intervals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, start, repeat, weekdays, establishments, systems, zone, quietHours, intervals);
    }

    @Override
    public String toString() {
        return "Schedule[" + describe() + "]";
    }

    /**
     * Collects the settings of a {@link Schedule}. Defaults: enabled, start 00:00, no repeat (once a day), every
     * weekday, all establishments, all systems, {@link #DEFAULT_ZONE}, no quiet hours,
     * {@link SyncIntervals#DEFAULT}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private boolean enabled = true;
        private LocalTime start = LocalTime.MIDNIGHT;
        private Duration repeat;
        private Set<DayOfWeek> weekdays = EnumSet.allOf(DayOfWeek.class);
        private Set<String> establishments;
        private Set<String> systems;
        private ZoneId zone = DEFAULT_ZONE;
        private QuietHours quietHours;
        private SyncIntervals intervals = SyncIntervals.DEFAULT;

        private Builder() {}

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder start(LocalTime start) {
            this.start = start;
            return this;
        }

        /** Repeat every {@code interval} (1 minute to 24 hours) within each day; {@code null}: once a day. */
        public Builder repeatEvery(Duration interval) {
            this.repeat = interval;
            return this;
        }

        public Builder everyDay() {
            this.weekdays = EnumSet.allOf(DayOfWeek.class);
            return this;
        }

        public Builder weekdays(DayOfWeek... days) {
            return weekdays(Set.of(days));
        }

        /** Only these weekdays; an empty set means the schedule never runs. */
        public Builder weekdays(Collection<DayOfWeek> days) {
            this.weekdays = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
            return this;
        }

        public Builder allEstablishments() {
            this.establishments = null;
            return this;
        }

        public Builder establishments(String... codes) {
            return establishments(java.util.List.of(codes));
        }

        /** Only these establishment codes, e.g. "0001". */
        public Builder establishments(Collection<String> codes) {
            this.establishments = new TreeSet<>(codes);
            return this;
        }

        public Builder allSystems() {
            this.systems = null;
            return this;
        }

        public Builder systems(String... names) {
            return systems(java.util.List.of(names));
        }

        /** Only these systems, e.g. "DASH", "OMNIFORCE"; case is ignored. */
        public Builder systems(Collection<String> names) {
            TreeSet<String> upper = new TreeSet<>();
            names.forEach(n -> upper.add(n.toUpperCase(Locale.ROOT)));
            this.systems = upper;
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** Heavy plans do not start from {@code from} (inclusive) to {@code to} (exclusive); may cross midnight. */
        public Builder quietHours(LocalTime from, LocalTime to) {
            return quietHours(new QuietHours(from, to));
        }

        /** {@code null}: no quiet hours. */
        public Builder quietHours(QuietHours quietHours) {
            this.quietHours = quietHours;
            return this;
        }

        public Builder intervals(SyncIntervals intervals) {
            this.intervals = intervals;
            return this;
        }

        /** @throws ConfigurationException listing every problem with the settings */
        public Schedule build() {
            return Validation.requireValid(new Schedule(this), "schedule");
        }
    }
}
