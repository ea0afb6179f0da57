package br.dev.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.Window;
import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets stay secret: neither the password nor any token reaches a log line, a report or an error. */
class SecretsTest {
    @Test
    void noSecretOrTokenInLogsReportsOrErrorsEvenWhenThingsGoWrong() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        List<String> texts = new ArrayList<>();
        try (PortalSandbox sandbox =
                        PortalSandbox.start(SandboxOptions.defaults().withPrePostings(300));
                SyncEngine engine = SyncEngine.builder()
                        .node("agency-0042")
                        .store(new InMemorySyncStore())
                        .build()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            PortalPostal portal = PortalPostal.connect(Sandboxes.config(sandbox));
            sandbox.faults().serverErrors(0.3).malformedRecords(0.05);
            texts.add(engine.run(portal.quick(Window.SINCE_CHECKPOINT)).toString());
            sandbox.expireTokens();
            texts.add(engine.run(portal.quick(Window.SINCE_CHECKPOINT)).toString());
            PortalConfig wrong = PortalConfig.builder()
                    .baseUrl(sandbox.baseUrl())
                    .agency("0042")
                    .credentials("agencia0042", "not-the-" + sandbox.options().secret())
                    .attempts(1)
                    .build();
            SyncReport refused = engine.run(PortalPostal.connect(wrong).quick(Window.SINCE_CHECKPOINT));
            texts.add(refused.toString());
            engine.quarantine()
                    .list(br.dev.sync.core.QuarantineQuery.stream("pre-postings"))
                    .forEach(q -> texts.add(q.reason()));
            texts.add(wrong.toString());

            assertThat(refused.succeeded()).isFalse();
            assertThat(sandbox.tokensIssued()).hasSizeGreaterThanOrEqualTo(2);
            texts.add(captured.toString(StandardCharsets.UTF_8));
            String all = String.join("\n", texts);
            assertThat(all).contains("401").doesNotContain(sandbox.options().secret());
            sandbox.tokensIssued().forEach(token -> assertThat(all).doesNotContain(token));
        } finally {
            System.setErr(err);
        }
    }
}
