package br.dev.sync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.StepReport;
import br.dev.sync.core.SyncReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {
    @Test
    void theDemoAppliesEveryValidRecordOnceAndQuarantinesTheBadOnes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SyncReport[] reports = Demo.run(2_000, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        StepReport first = reports[0].steps().get(0);
        assertThat(first.received()).isEqualTo(2_000);
        assertThat(first.applied()).isEqualTo(1_996);
        assertThat(first.quarantined()).isEqualTo(4);
        StepReport second = reports[1].steps().get(0);
        assertThat(second.applied()).isZero();
        assertThat(second.unchanged()).isEqualTo(1_996);
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("== 1. first pull", "pull pre-postings", "SUCCEEDED", "check digit should be");
    }
}
