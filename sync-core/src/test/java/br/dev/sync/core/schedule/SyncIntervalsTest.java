package br.dev.sync.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.dev.sync.core.ConfigurationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SyncIntervalsTest {
    private static final Instant NOON = Instant.parse("2026-11-23T15:00:00Z");
    private final Clock clock = Clock.fixed(NOON, ZoneOffset.UTC);

    @Test
    void theDefaultIsFiveMinutesEachWay() {
        assertThat(SyncIntervals.DEFAULT.send()).isEqualTo(Duration.ofMinutes(5));
        assertThat(SyncIntervals.DEFAULT.receive()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void sendAndReceiveFallDueSeparately() {
        SyncIntervals i = new SyncIntervals(Duration.ofMinutes(2), Duration.ofMinutes(10));
        Instant threeMinutesAgo = NOON.minusSeconds(180);

        assertThat(i.sendDue(threeMinutesAgo, clock)).isTrue();
        assertThat(i.receiveDue(threeMinutesAgo, clock)).isFalse();
        assertThat(i.nextReceive(threeMinutesAgo, clock)).isEqualTo(NOON.plusSeconds(420));
        assertThat(i.nextSend(NOON.minusSeconds(120), clock)).isEqualTo(NOON);
        assertThat(i.sendDue(NOON.minusSeconds(120), clock)).isTrue();
    }

    @Test
    void whatNeverRanIsDueNow() {
        assertThat(SyncIntervals.DEFAULT.sendDue(null, clock)).isTrue();
        assertThat(SyncIntervals.DEFAULT.nextReceive(null, clock)).isEqualTo(NOON);
    }

    @Test
    void bothIntervalsOutOfRangeAreReportedTogether() {
        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class, () -> new SyncIntervals(Duration.ofSeconds(30), Duration.ofHours(25)));

        assertThat(e.violations())
                .containsExactly(
                        "send: must be between 1 minute and 24 hours (was PT30S)",
                        "receive: must be between 1 minute and 24 hours (was PT25H)");
    }
}
