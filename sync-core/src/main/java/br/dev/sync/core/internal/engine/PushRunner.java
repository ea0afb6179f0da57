package br.dev.sync.core.internal.engine;

import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineStage;
import br.dev.sync.core.Step;
import br.dev.sync.core.TransportException;
import br.dev.sync.core.spi.OutboxEntry;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.PushBatch;
import br.dev.sync.core.spi.SyncStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a push step: claims the outbox in sequence as batches with stable ids, sends each, and settles the
 * acknowledgements in one store transaction. A batch whose acknowledgement was lost is claimed again with the
 * same id, so the remote side applies it once.
 */
public final class PushRunner {
    private final EngineRetry retry;

    public PushRunner(EngineRetry retry) {
        this.retry = retry;
    }

    public void run(Step.Push step, StepRun run) {
        SyncStore store = run.store();
        long total = store.pendingCount(step.streamName());
        long done = 0;
        while (true) {
            PushBatch batch =
                    store.claimBatch(step.streamName(), step.batchSize(), () -> run.node() + "-" + UUID.randomUUID());
            if (batch.isEmpty()) {
                return;
            }
            run.received(batch.entries().size());
            List<PushAck> acks = retry.call(() -> step.transport().push(batch));
            int settled = settle(step, batch, acks, run);
            if (settled == 0) {
                throw new TransportException(
                        step.transport().name() + " acknowledged none of the "
                                + batch.entries().size() + " records of batch " + batch.id() + " of "
                                + step.streamName() + "; they stay in the outbox",
                        null);
            }
            done += settled;
            run.progress(done, Math.max(total, done));
        }
    }

    private static int settle(Step.Push step, PushBatch batch, List<PushAck> acks, StepRun run) {
        Map<Long, OutboxEntry> bySequence =
                batch.entries().stream().collect(Collectors.toMap(OutboxEntry::sequence, Function.identity()));
        Set<Long> seen = new HashSet<>();
        List<PushAck> valid = new ArrayList<>();
        List<QuarantineEntry> rejected = new ArrayList<>();
        for (PushAck ack : acks == null ? List.<PushAck>of() : acks) {
            OutboxEntry entry = bySequence.get(ack.sequence());
            if (entry == null || !seen.add(ack.sequence())) {
                continue;
            }
            valid.add(ack);
            if (ack.status() == PushAck.Status.REJECTED) {
                var c = entry.change();
                rejected.add(QuarantineEntry.of(
                        c.stream(),
                        c.key(),
                        "",
                        QuarantineStage.PUSH,
                        step.transport().name() + " refused it: " + ack.reason(),
                        ChangeJson.write(c),
                        c.version(),
                        run.clock().instant()));
            }
        }
        run.store().acknowledge(batch, valid, rejected);
        long accepted = valid.stream()
                .filter(a -> a.status() != PushAck.Status.REJECTED)
                .count();
        run.pushed(accepted);
        rejected.forEach(run::quarantined);
        return valid.size();
    }
}
