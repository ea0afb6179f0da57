package br.dev.sync.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.Step;
import br.dev.sync.core.StepStatus;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.memory.InMemorySyncStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BdfImportTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path dir;

    private SyncReport run(String... lines) throws IOException {
        Path file = dir.resolve("bdf.txt");
        Files.writeString(file, String.join("\n", lines));
        try (SyncEngine engine = SyncEngine.builder()
                .node("head-office")
                .store(new InMemorySyncStore())
                .build()) {
            SyncReport report = engine.run(Step.task("import", new BdfImport("0042", DAY, file)));
            snapshot = ((InMemorySyncStore) engine.store()).snapshot("bdf-entries");
            return report;
        }
    }

    private java.util.Map<String, java.util.Map<String, Object>> snapshot;

    @Test
    void salesAndCaLinesAreImportedWithTheirValues() throws IOException {
        SyncReport r = run(
                "BDF;0042;2026-11-22",
                "# comment",
                "V;SS460209415BR;03220;C00001;350;25.50",
                "CA;CA1;ATENDIMENTO;1.00",
                "T;1;25.50");

        assertThat(r.steps().get(0).status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(r.steps().get(0).applied()).isEqualTo(2);
        assertThat(snapshot.get("2026-11-22/3"))
                .containsEntry("trackingCode", "SS460209415BR")
                .containsEntry("weightGrams", 350)
                .containsEntry("value", new java.math.BigDecimal("25.50"));
    }

    @Test
    void aFileOfAnotherAgencyOrDayImportsNothing() throws IOException {
        SyncReport r = run("BDF;0043;2026-11-22", "V;SS460209415BR;03220;C00001;350;25.50", "T;1;25.50");

        assertThat(r.steps().get(0).status()).isEqualTo(StepStatus.FAILED);
        assertThat(r.steps().get(0).error()).contains("BDF;0042;2026-11-22").contains("Nothing was imported");
        assertThat(snapshot).isEmpty();
    }

    @Test
    void aTrailerThatDoesNotMatchTheLinesImportsNothing() throws IOException {
        SyncReport r = run("BDF;0042;2026-11-22", "V;SS460209415BR;03220;C00001;350;25.50", "T;2;25.50");

        assertThat(r.steps().get(0).status()).isEqualTo(StepStatus.FAILED);
        assertThat(r.steps().get(0).error()).contains("T;1;25.50");
        assertThat(snapshot).isEmpty();

        SyncReport cut = run("BDF;0042;2026-11-22", "V;SS460209415BR;03220;C00001;350;25.50");
        assertThat(cut.steps().get(0).error()).contains("no trailer");
    }

    @Test
    void badLinesAreQuarantinedWithLineAndReasonAndTheRestImported() throws IOException {
        SyncReport r = run(
                "BDF;0042;2026-11-22",
                "V;SS460209415BR;03220;C00001;350;25.50",
                "V;SS460209415BR;03220;C00001;abc;1.00",
                "V;XX;03220;C00001;10;1.00",
                "Z;what",
                "T;3;27.50");

        assertThat(r.steps().get(0).status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(r.steps().get(0).quarantined()).isEqualTo(3);
        assertThat(snapshot).containsOnlyKeys("2026-11-22/2");
    }
}
