package br.dev.sync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.StepReport;
import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each example run in-process on embedded defaults, with its report values checked. */
class ExamplesTest {
    final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    String output() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    static StepReport step(SyncReport report, String name) {
        return report.step(name).orElseThrow(() -> new AssertionError("no step " + name + " in " + report.steps()));
    }

    @Test
    void prePostingSyncAppliesTodaysRecordsOnceAndFindsNothingNewTheSecondTime(@TempDir Path dir) {
        SyncReport[] r = PrePostingSyncExample.run(ExampleOptions.embedded(dir).prePostings(1_000), out);

        assertThat(r[0].succeeded()).isTrue();
        StepReport first = step(r[0], "pull pre-postings");
        assertThat(first.received()).isPositive();
        assertThat(first.applied()).isEqualTo(first.received() - first.quarantined());
        StepReport again = step(r[1], "pull pre-postings");
        assertThat(again.applied()).isZero();
        assertThat(again.unchanged()).isEqualTo(again.received());
        assertThat(output()).contains("== quick sync for 2026-11-22", "pull pre-postings", "SUCCEEDED");
    }

    @Test
    void fullSyncPullsTheMasterDataAndPushesTheCountersWork(@TempDir Path dir) {
        SyncReport r = FullSyncExample.run(ExampleOptions.embedded(dir).prePostings(500), out);

        assertThat(r.succeeded()).isTrue();
        assertThat(step(r, "pull clients").applied()).isEqualTo(200);
        assertThat(step(r, "pull outposts").applied()).isEqualTo(2);
        assertThat(step(r, "push processed-objects").pushed()).isEqualTo(20);
        assertThat(step(r, "push invoices").pushed()).isEqualTo(5);
        assertThat(output()).contains("25 local records wait to go up");
    }

    @Test
    void remoteSalesAreRefusedUntilEveryOutpostHasSentThenImported(@TempDir Path dir) {
        RemoteSalesExample.Story story =
                RemoteSalesExample.run(ExampleOptions.embedded(dir).prePostings(100), out);

        StepReport refused = story.refused().steps().get(0);
        assertThat(refused.status()).isEqualTo(StepStatus.REFUSED);
        assertThat(refused.error()).contains("outpost 0002 has not sent its sales for 2026-11-21");
        StepReport imported = story.imported().steps().get(0);
        assertThat(imported.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(imported.applied()).isEqualTo(4);
        assertThat(story.all()).hasSize(7);
    }

    @Test
    void theDemoRunsEveryStageAsTheStorySays(@TempDir Path dir) {
        assertThat(Demo.run(ExampleOptions.embedded(dir).prePostings(500), out)).isTrue();
        assertThat(output()).contains("### 1/3", "### 2/3", "### 3/3", "Demo finished: every stage ended as expected.");
    }
}
