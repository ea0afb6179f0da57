package br.dev.sync.core.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.dev.sync.core.RetrySettings;
import br.dev.sync.core.RetryableSyncException;
import br.dev.sync.core.RetryableTransportException;
import br.dev.sync.core.SyncException;
import dev.failsafe.Failsafe;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PoliciesTest {
    private static final RetrySettings NO_JITTER =
            new RetrySettings(5, Duration.ofMillis(10), Duration.ofMillis(50), 0);

    @Test
    void delay_doubles_from_the_initial_delay_up_to_the_max() {
        assertThat(Policies.delay(NO_JITTER, 1, null)).isEqualTo(Duration.ofMillis(10));
        assertThat(Policies.delay(NO_JITTER, 2, null)).isEqualTo(Duration.ofMillis(20));
        assertThat(Policies.delay(NO_JITTER, 3, null)).isEqualTo(Duration.ofMillis(40));
        assertThat(Policies.delay(NO_JITTER, 4, null)).isEqualTo(Duration.ofMillis(50));
        assertThat(Policies.delay(NO_JITTER, 40, null)).isEqualTo(Duration.ofMillis(50));
    }

    @RepeatedTest(20)
    void jitter_varies_the_delay_within_its_fraction_and_never_past_the_max() {
        RetrySettings jittery = new RetrySettings(5, Duration.ofMillis(100), Duration.ofMillis(150), 0.25);

        assertThat(Policies.delay(jittery, 1, null)).isBetween(Duration.ofMillis(75), Duration.ofMillis(125));
        assertThat(Policies.delay(jittery, 2, null)).isBetween(Duration.ofNanos(112_500_000), Duration.ofMillis(150));
    }

    @Test
    void a_longer_retry_after_wins_a_shorter_one_does_not_and_a_huge_one_is_capped() {
        RetryableSyncException longer = retryable(Duration.ofSeconds(3));
        RetryableSyncException shorter = retryable(Duration.ofMillis(1));
        RetryableSyncException huge = retryable(Duration.ofHours(5));

        assertThat(Policies.delay(NO_JITTER, 1, longer)).isEqualTo(Duration.ofSeconds(3));
        assertThat(Policies.delay(NO_JITTER, 1, shorter)).isEqualTo(Duration.ofMillis(10));
        assertThat(Policies.delay(NO_JITTER, 1, huge)).isEqualTo(Policies.MAX_RETRY_AFTER);
    }

    @Test
    void retry_on_its_own_retries_retryable_failures_up_to_max_attempts() {
        AtomicInteger tries = new AtomicInteger();

        RetryableSyncException e = catchThrowableOfType(
                RetryableSyncException.class,
                () -> Failsafe.with(Policies.<Object>retry(NO_JITTER)).run(() -> {
                    tries.incrementAndGet();
                    throw retryable(null);
                }));

        assertThat(e).hasMessage("busy");
        assertThat(tries).hasValue(5);
    }

    @Test
    void retry_returns_the_first_success() {
        AtomicInteger tries = new AtomicInteger();

        String result = Failsafe.with(Policies.<String>retry(NO_JITTER)).get(() -> {
            if (tries.incrementAndGet() < 3) {
                throw retryable(null);
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(tries).hasValue(3);
    }

    @Test
    void retry_leaves_other_failures_alone() {
        AtomicInteger tries = new AtomicInteger();

        SyncException e = catchThrowableOfType(
                SyncException.class,
                () -> Failsafe.with(Policies.<Object>retry(NO_JITTER)).run(() -> {
                    tries.incrementAndGet();
                    throw new SyncException("bad record");
                }));

        assertThat(e).hasMessage("bad record");
        assertThat(tries).hasValue(1);
    }

    @Test
    void executor_turns_a_timeout_into_a_retryable_failure_naming_the_remote_and_retries_it() {
        AtomicInteger tries = new AtomicInteger();
        RetrySettings twice = new RetrySettings(2, Duration.ofMillis(1), Duration.ofMillis(1), 0);

        RetryableTransportException e = catchThrowableOfType(
                RetryableTransportException.class,
                () -> Policies.<Object>executor("pdvsync", twice, null, Duration.ofMillis(50))
                        .run(() -> {
                            tries.incrementAndGet();
                            Thread.sleep(5_000);
                        }));

        assertThat(e.getMessage()).contains("pdvsync did not answer in time", "50 ms");
        assertThat(e.status()).isEqualTo(-1);
        assertThat(tries).hasValue(2);
    }

    @Test
    void describe_reads_like_people_write_durations() {
        assertThat(Policies.describe(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(Policies.describe(Duration.ofSeconds(30))).isEqualTo("30 s");
        assertThat(Policies.describe(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }

    private static RetryableSyncException retryable(Duration retryAfter) {
        return new RetryableSyncException("busy", null, retryAfter);
    }
}
