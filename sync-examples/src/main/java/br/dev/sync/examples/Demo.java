package br.dev.sync.examples;

import br.dev.sync.core.ConflictRules;
import br.dev.sync.core.QuarantineQuery;
import br.dev.sync.core.Step;
import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.SyncStream;
import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.spi.Page;
import br.dev.sync.core.spi.PageRequest;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import br.dev.sync.core.spi.SyncTransport;
import br.dev.sync.core.validation.BrazilianIds;
import br.dev.sync.core.validation.TrackingCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The smallest end-to-end sync: a remote system in this process serves 5,000 pre-postings (a few of them with a
 * bad tracking code), the engine pulls them into an in-memory store, runs again to show that nothing is applied
 * twice, and prints the reports and the quarantine.
 */
public final class Demo {
    /** A pre-posting as this demo's remote serves it. */
    public record PrePosting(
            @NotBlank @TrackingCode String trackingCode,
            long revision,
            @NotBlank String serviceCode,
            @Positive int weightGrams) {}

    static final SyncStream<PrePosting> PRE_POSTINGS = SyncStream.of("pre-postings", PrePosting.class)
            .key(PrePosting::trackingCode)
            .version(PrePosting::revision)
            .onConflict(ConflictRules.serverWins())
            .build();

    public static void main(String[] args) {
        SyncReport[] reports = run(5_000, System.out);
        System.exit(reports[0].succeeded() && reports[1].succeeded() ? 0 : 1);
    }

    /** Runs the demo and answers the reports of the first and the second run. */
    public static SyncReport[] run(int records, java.io.PrintStream out) {
        InMemorySyncStore store = new InMemorySyncStore();
        SyncTransport remote = new DemoRemote(records);
        try (SyncEngine sync = SyncEngine.builder()
                .node("agency-0042")
                .store(store)
                .listener(new ProgressPrinter(out))
                .build()) {
            out.println("== 1. first pull of " + records + " pre-postings");
            SyncReport first = sync.run(Step.pull(PRE_POSTINGS, remote).pageSize(1_000));
            out.println(ReportTable.format(first));
            out.println("== 2. the same pull again: everything is already there");
            SyncReport second =
                    sync.run(Step.pull(PRE_POSTINGS, remote).pageSize(1_000).window(br.dev.sync.core.Window.today()));
            out.println(ReportTable.format(second));
            out.println("== 3. quarantine");
            sync.quarantine()
                    .list(QuarantineQuery.all())
                    .forEach(e -> out.println("  #" + e.id() + " " + e.key() + ": " + e.reason()));
            return new SyncReport[] {first, second};
        }
    }

    /** A remote side in this process: pages of JSON pre-postings, every 500th with a wrong check digit. */
    static final class DemoRemote implements SyncTransport {
        private final List<String> records = new ArrayList<>();

        DemoRemote(int count) {
            Random random = new Random(42);
            for (int i = 0; i < count; i++) {
                String digits = String.format("%08d", 10_000_000 + i);
                int dv = BrazilianIds.trackingCheckDigit(digits);
                if (i % 500 == 499) {
                    dv = (dv + 1) % 10;
                }
                String code = "SS" + digits + dv + "BR";
                records.add(
                        "{\"trackingCode\":\"" + code + "\",\"revision\":1,\"serviceCode\":\"03220\",\"weightGrams\":"
                                + (100 + random.nextInt(5_000)) + "}");
            }
        }

        @Override
        public String name() {
            return "demo-portal";
        }

        @Override
        public Page fetch(PageRequest request) {
            int from = request.cursor() == null ? 0 : Integer.parseInt(request.cursor());
            int to = Math.min(records.size(), from + request.limit());
            return new Page(records.subList(from, to), String.valueOf(to), to < records.size(), records.size());
        }

        @Override
        public List<PushAck> push(PushBatch batch) {
            return batch.entries().stream()
                    .map(e -> PushAck.accepted(e.sequence()))
                    .toList();
        }
    }
}
