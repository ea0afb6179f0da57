package br.dev.sync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.testkit.FakeRemote;
import br.dev.sync.core.testkit.Item;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listing, retrying and deleting quarantined records through the public API. */
class QuarantineTest {
    final InMemorySyncStore store = new InMemorySyncStore();
    final FakeRemote remote = new FakeRemote("portal");
    final AtomicBoolean acceptNegative = new AtomicBoolean();
    final SyncStream<Item> items = Item.stream("items")
            .validate(false)
            .decoder(raw -> {
                Item i = br.dev.sync.core.internal.json.Json.mapper().readValue(raw, Item.class);
                if (!acceptNegative.get() && i.price().signum() < 0) {
                    throw new IllegalArgumentException("price " + i.price() + " is negative");
                }
                return i;
            })
            .build();
    final SyncEngine engine = SyncEngine.builder().node("node-a").store(store).stream(items)
            .retry(new RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(1), 0))
            .build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aRetryAfterTheCauseIsFixedAppliesTheRecordAndRemovesTheEntry() {
        remote.add("items", List.of(Item.json("A", 1, "ok", "1.00"), Item.json("B", 1, "neg", "-2.00")));
        engine.run(Step.pull(items, remote));
        List<QuarantineEntry> entries = engine.quarantine().list(QuarantineQuery.all());
        assertThat(entries)
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("cannot read the record: price -2.00 is negative"));
        long id = entries.get(0).id();

        assertThat(engine.quarantine().retry(id)).isFalse();
        QuarantineEntry again = engine.quarantine().get(id).orElseThrow();
        assertThat(again.attempts()).isEqualTo(2);

        acceptNegative.set(true);
        assertThat(engine.quarantine().retry(id)).isTrue();
        assertThat(store.snapshot("items")).containsOnlyKeys("A", "B");
        assertThat(engine.quarantine().count("items")).isZero();
    }

    @Test
    void retryAllTakesWhatNowPassesAndLeavesTheRest() {
        remote.add("items", List.of(Item.json("B", 1, "neg", "-2.00"), "{broken", Item.json("C", 1, "neg", "-3.00")));
        engine.run(Step.pull(items, remote));
        acceptNegative.set(true);

        assertThat(engine.quarantine().retryAll("items")).isEqualTo(2);
        assertThat(store.snapshot("items")).containsOnlyKeys("B", "C");
        assertThat(engine.quarantine().list(QuarantineQuery.all()))
                .singleElement()
                .satisfies(e -> assertThat(e.raw()).isEqualTo("{broken"));
    }

    @Test
    void aRefusedPushGoesToQuarantineAndARetryPutsItBackInTheOutbox() {
        store.append(Change.upsert("items", "X", 1, Map.of("name", "x"), "node-a"));
        store.append(Change.upsert("items", "Y", 1, Map.of("name", "y"), "node-a"));
        remote.reject("Y", "client 123 is not registered");

        SyncReport r = engine.run(Step.push(items, remote));

        assertThat(r.steps().get(0).pushed()).isEqualTo(1);
        assertThat(r.steps().get(0).quarantined()).isEqualTo(1);
        QuarantineEntry e = engine.quarantine().list(QuarantineQuery.all()).get(0);
        assertThat(e.stage()).isEqualTo(QuarantineStage.PUSH);
        assertThat(e.reason()).isEqualTo("portal refused it: client 123 is not registered");

        assertThat(engine.quarantine().retry(e.id())).isTrue();
        assertThat(store.pendingFor("items", List.of("Y")).get("Y").change().fields())
                .containsEntry("name", "y");
        assertThat(engine.quarantine().count("items")).isZero();
    }

    @Test
    void retryingAnUnknownIdSaysSo() {
        assertThatThrownBy(() -> engine.quarantine().retry(999))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no quarantined record has id 999");
    }
}
