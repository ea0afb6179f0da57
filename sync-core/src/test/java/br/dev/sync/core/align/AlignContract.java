package br.dev.sync.core.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.Change;
import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.Difference;
import br.dev.sync.core.Difference.Kind;
import br.dev.sync.core.Plan;
import br.dev.sync.core.Step;
import br.dev.sync.core.StepReport;
import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncStream;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.FakeRemote;
import br.dev.sync.core.testkit.Item;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an align step must do on any store: exact differences, local rows equal to the origin's afterwards, dry runs
 * that write nothing, partitions that keep to their own rows. Subclasses give a new, empty store.
 */
abstract class AlignContract {
    static final SyncStream<Item> STOCK = Item.stream("stock").build();

    SyncStore store;
    SyncEngine engine;
    final FakeRemote origin = new FakeRemote("erp-central");

    /** A new, empty store. */
    abstract SyncStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
        engine = SyncEngine.builder().node("store-12").store(store).build();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /** Live rows of the stream, key to fields. */
    Map<String, Map<String, Object>> snapshot() {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        store.scan("stock", r -> out.put(r.key(), r.fields()));
        return out;
    }

    static String json(String id, long version, String name, String price, int qty) {
        return "{\"id\":\"" + id + "\",\"version\":" + version + ",\"name\":\"" + name + "\",\"price\":" + price
                + ",\"qty\":" + qty + ",\"deleted\":false}";
    }

    void local(String id, long version, String name, String price, int qty) {
        Item item = new Item(id, version, name, new BigDecimal(price), qty, false);
        store.apply(
                ApplyBatch.of("stock", List.of(Change.upsert("stock", id, version, STOCK.fieldsOf(item), "store-12"))));
    }

    void seedTheUsualDifferences() {
        local("A", 1, "pen", "1.50", 10);
        local("B", 1, "ink", "2.00", 5);
        local("C", 1, "pad", "3.00", 7);
        local("D", 1, "old", "9.00", 1);
        local("F", 1, "cap", "1.00", 2);
        local("G", 5, "tape", "4.00", 3);
        origin.add(
                "stock",
                List.of(
                        json("A", 2, "pen", "1.5", 10),
                        json("B", 2, "ink", "2.50", 5),
                        json("C", 2, "pad2", "3.00", 9),
                        json("E", 1, "new", "5.00", 1),
                        Item.deletion("F", 2),
                        json("G", 3, "tape", "4.00", 30)));
    }

    static final List<Difference> USUAL = List.of(
            new Difference("stock", "B", Kind.CHANGED, "price", new BigDecimal("2.00"), new BigDecimal("2.50")),
            new Difference("stock", "C", Kind.CHANGED, "name", "pad", "pad2"),
            new Difference("stock", "C", Kind.CHANGED, "qty", 7, 9),
            new Difference("stock", "E", Kind.ADDED, null, null, null),
            new Difference("stock", "F", Kind.REMOVED, null, null, null),
            new Difference("stock", "G", Kind.CHANGED, "qty", 3, 30),
            new Difference("stock", "D", Kind.REMOVED, null, null, null));

    StepReport run(Step.Task step) {
        return engine.run(Plan.of("align", step)).step(step.name()).orElseThrow();
    }

    @Test
    void reportsAddedChangedAndRemovedRowsExactlyAndMakesLocalEqualToTheOrigin() {
        seedTheUsualDifferences();

        StepReport report = run(Align.stream(STOCK, origin, "")
                .ignoreFields("version")
                .pageSize(2)
                .step());

        assertThat(report.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(report.differences()).containsExactlyElementsOf(USUAL);
        assertThat(report.received()).isEqualTo(6);
        assertThat(report.applied()).as("B C E F G written, D removed").isEqualTo(6);
        assertThat(report.unchanged()).as("A had the origin's values").isEqualTo(1);
        assertThat(snapshot()).containsOnlyKeys("A", "B", "C", "E", "G");
        assertThat(snapshot().get("C")).containsEntry("name", "pad2").containsEntry("qty", 9);
        assertThat(store.read("stock", List.of("G", "D", "F")))
                .hasEntrySatisfying(
                        "G",
                        g -> assertThat(g.version())
                                .as("origin v3 over local v5: local + 1")
                                .isEqualTo(6))
                .hasEntrySatisfying("D", d -> assertThat(d.deleted()).isTrue())
                .hasEntrySatisfying("F", f -> assertThat(f.deleted()).isTrue());

        StepReport again =
                run(Align.stream(STOCK, origin, "").ignoreFields("version").step());
        assertThat(again.differences())
                .as("aligned rows have no difference left")
                .isEmpty();
        assertThat(again.applied()).isZero();
    }

    @Test
    void aDryRunReportsTheSameDifferencesAndWritesNothing() {
        seedTheUsualDifferences();
        Map<String, Map<String, Object>> before = snapshot();

        StepReport report = run(Align.stream(STOCK, origin, "")
                .ignoreFields("version")
                .dryRun(true)
                .step());

        assertThat(report.differences()).containsExactlyElementsOf(USUAL);
        assertThat(report.applied()).isZero();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void withoutIgnoringTheVersionFieldItCountsAsAChange() {
        local("A", 1, "pen", "1.50", 10);
        origin.add("stock", json("A", 2, "pen", "1.50", 10));

        StepReport report = run(Align.stream(STOCK, origin, "").step());

        // a store may give the local version back as an Integer: the text form is what is compared here
        assertThat(report.differences())
                .extracting(d ->
                        d.kind() + " " + d.key() + " " + d.field() + " " + d.localValue() + " -> " + d.originValue())
                .containsExactly("CHANGED A version 1 -> 2");
    }

    @Test
    void aPartitionRemovesOnlyItsOwnLocalRows() {
        local("0001-A", 1, "pen", "1.00", 1);
        local("0001-B", 1, "ink", "1.00", 1);
        local("0002-A", 1, "pen", "1.00", 1);
        origin.add("stock", json("0001-B", 1, "ink", "1.00", 1));

        StepReport report = run(Align.stream(STOCK, origin, "0001")
                .localScope(row -> row.key().startsWith("0001-"))
                .step());

        assertThat(report.step()).isEqualTo("align stock 0001");
        assertThat(report.differences())
                .containsExactly(new Difference("stock", "0001-A", Kind.REMOVED, null, null, null));
        assertThat(snapshot()).containsOnlyKeys("0001-B", "0002-A");
    }

    @Test
    void aPartitionWithoutALocalScopeIsRefused() {
        assertThatThrownBy(() -> Align.stream(STOCK, origin, "0001").pageSize(0).step())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("align of stock is not valid: localScope: aligning partition '0001' needs"
                        + " localScope(row -> ...)")
                .hasMessageContaining("pageSize: must be positive (was 0)");
    }

    @Test
    void anOriginRecordWithoutAKnownKeyStopsTheRemovalsAndIsQuarantined() {
        local("B", 1, "ink", "2.00", 5);
        local("D", 1, "old", "9.00", 1);
        origin.add("stock", List.of(json("B", 2, "ink", "2.50", 5), "{not json"));

        StepReport report =
                run(Align.stream(STOCK, origin, "").ignoreFields("version").step());

        assertThat(report.status()).isEqualTo(StepStatus.FAILED);
        assertThat(report.error())
                .contains("1 origin record(s) of stock could not be read far enough to know their key")
                .contains("no local row was removed")
                .contains("fix them at erp-central and align again");
        assertThat(report.differences())
                .containsExactly(new Difference(
                        "stock", "B", Kind.CHANGED, "price", new BigDecimal("2.00"), new BigDecimal("2.50")));
        assertThat(report.quarantined()).isEqualTo(1);
        assertThat(snapshot()).containsOnlyKeys("B", "D");
        assertThat(snapshot().get("B")).containsEntry("price", new BigDecimal("2.50"));
    }
}
