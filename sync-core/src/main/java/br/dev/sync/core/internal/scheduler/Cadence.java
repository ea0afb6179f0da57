package br.dev.sync.core.internal.scheduler;

import br.dev.sync.core.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** When a scheduled plan is due: on a {@link Schedule}'s slots, or a fixed interval after the last run finished. */
public interface Cadence {
    /** The first run of a scheduler built at {@code now}; empty: never. */
    Optional<Instant> first(Instant now);

    /** The next run after one that finished at {@code finished}; slots that passed during the run are skipped. */
    Optional<Instant> after(Instant finished);

    String describe();

    static Cadence of(Schedule schedule, boolean heavy) {
        Objects.requireNonNull(schedule, "schedule");
        return new Cadence() {
            @Override
            public Optional<Instant> first(Instant now) {
                return schedule.nextRun(now, heavy).map(t -> t.toInstant());
            }

            @Override
            public Optional<Instant> after(Instant finished) {
                return first(finished);
            }

            @Override
            public String describe() {
                return schedule.describe() + (heavy ? " (heavy: not in quiet hours)" : "");
            }
        };
    }

    /** Due at once, then {@code interval} after each run finished (automatic sync's send and receive). */
    static Cadence every(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        return new Cadence() {
            @Override
            public Optional<Instant> first(Instant now) {
                return Optional.of(now);
            }

            @Override
            public Optional<Instant> after(Instant finished) {
                return Optional.of(finished.plus(interval));
            }

            @Override
            public String describe() {
                return "every " + interval + " after the last run finished";
            }
        };
    }
}
