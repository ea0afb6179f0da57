package br.dev.sync.portal;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.Plan;
import br.dev.sync.core.Step;
import br.dev.sync.core.Window;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.Gate;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.portal.internal.BdfImport;
import br.dev.sync.portal.internal.CloseDay;
import br.dev.sync.portal.internal.OutpostsClosedGate;
import br.dev.sync.portal.internal.PortalTransport;
import br.dev.sync.portal.internal.ReceiveCloses;
import br.dev.sync.portal.model.RemoteSale;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Remote sales ("Vendas remotas") between outposts and the head office, with the ordering rule enforced: the BDF
 * and C.A. import of day D+1 is refused until every registered outpost has closed D and its sales are applied.
 *
 * <ul>
 *   <li>Outpost: {@link #record} each sale, then run {@link #send(LocalDate)}: the sales go up and the day closes.
 *   <li>Head office: {@link #receive(LocalDate, Collection)} pulls each outpost's sales (deduplicated by outpost
 *       and sale id) and the closes; {@link #bdfImport(LocalDate, Path)} imports the BDF behind the gate.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class RemoteSales {
    static final String SEND_STEP = "send remote sales";
    private final PortalConfig config;
    private final PortalTransport transport;

    RemoteSales(PortalConfig config, PortalTransport transport) {
        this.config = config;
        this.transport = transport;
    }

    /** Outpost: keeps a sale in the store and queues it to go up, in one transaction. */
    public static void record(SyncStore store, RemoteSale sale, String node) {
        var change = PortalStreams.change(PortalStreams.REMOTE_SALES, sale, node);
        store.apply(ApplyBatch.of(PortalStreams.REMOTE_SALES.name(), List.of(change))
                .withAppend(List.of(change)));
    }

    /** Outpost: sends the queued sales, then closes {@code day} declaring how many sales it had that day. */
    public Plan send(LocalDate day) {
        String outpost = config.outpost();
        if (outpost == null) {
            throw new ConfigurationException(
                    "remote sales send", List.of("outpost: this node is not an outpost; set PortalConfig.outpost"));
        }
        Step.Push push = Step.push(PortalStreams.REMOTE_SALES, transport).named(SEND_STEP);
        Step.Task close = Step.task("close " + day, new CloseDay(transport, outpost, day))
                .after(SEND_STEP)
                .gate(CloseDay.nothingPending());
        return Plan.builder("portal-remote-sales-send").step(push).step(close).build();
    }

    /**
     * Head office: records the outposts' closes of {@code day} as markers and pulls the remote sales of that day
     * per outpost (one partition each).
     */
    public Plan receive(LocalDate day, Collection<String> outposts) {
        Step.Task closes = Step.task("receive closes " + day, new ReceiveCloses(transport, day));
        Step.Pull pull = Step.pull(PortalStreams.REMOTE_SALES, transport)
                .named("receive remote sales " + day)
                .window(Window.day(day))
                .partitions(List.copyOf(outposts))
                .pageSize(config.pageSize())
                .after(closes.name());
        return Plan.builder("portal-remote-sales-receive")
                .step(closes)
                .step(pull)
                .build();
    }

    /** Head office: {@link #receive(LocalDate, Collection)} for the active outposts registered in the store. */
    public Plan receive(LocalDate day, SyncStore store) {
        List<String> outposts = OutpostsClosedGate.registered(store);
        if (outposts.isEmpty()) {
            throw new ConfigurationException(
                    "remote sales receive",
                    List.of("outposts: none is registered in the store; run the full sync first to pull them"));
        }
        return receive(day, outposts);
    }

    /** The gate "every registered outpost has closed {@code day} and its sales are applied here". */
    public Gate closedGate(LocalDate day) {
        return new OutpostsClosedGate(day);
    }

    /**
     * Head office: imports the BDF (and the C.A. lines in it) of {@code bdfDay} from {@code file}, behind the gate
     * for the day before.
     */
    public Step.Task bdfImport(LocalDate bdfDay, Path file) {
        return Step.task("import BDF " + bdfDay, new BdfImport(config.agency(), bdfDay, file))
                .gate(closedGate(bdfDay.minusDays(1)));
    }
}
