package br.dev.sync.core.config;

import br.dev.sync.core.schedule.SyncIntervals;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Automatic sync: whether it is on, and how often it sends and receives (the ERP's two intervals, which differ), each
 * between 1 minute and 24 hours. Checked when the {@link SyncConfiguration} holding it is built.
 *
 * <p>Immutable and thread-safe.
 */
public record Frequency(
        boolean automatic,

        @NotNull @DurationMin(minutes = 1, message = RANGE) @DurationMax(hours = 24, message = RANGE)
        Duration send,

        @NotNull @DurationMin(minutes = 1, message = RANGE) @DurationMax(hours = 24, message = RANGE)
        Duration receive) {
    static final String RANGE = "must be between 1 minute and 24 hours (was ${validatedValue})";

    /** Automatic, every 5 minutes each way. */
    public static final Frequency DEFAULT =
            new Frequency(true, SyncIntervals.DEFAULT.send(), SyncIntervals.DEFAULT.receive());

    /** The two intervals, for {@link SyncIntervals#sendDue} and {@link SyncIntervals#receiveDue}. */
    public SyncIntervals intervals() {
        return new SyncIntervals(send, receive);
    }
}
