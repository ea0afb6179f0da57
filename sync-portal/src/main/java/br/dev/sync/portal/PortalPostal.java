package br.dev.sync.portal;

import br.dev.sync.core.Plan;
import br.dev.sync.core.Step;
import br.dev.sync.core.SyncStream;
import br.dev.sync.core.Window;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.spi.SyncTransport;
import br.dev.sync.portal.internal.MovementExport;
import br.dev.sync.portal.internal.PortalTransport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Portal Postal for an agency's Consolidador: the QUICK and FULL plans, the movement export and the remote sales
 * of outposts and head office.
 *
 * <pre>{@code
 * PortalPostal portal = PortalPostal.connect(PortalConfig.builder()
 *         .baseUrl(url).agency("0042").credentials(login, secret).build());
 * SyncReport quick = engine.run(portal.quick(Window.today()));
 * }</pre>
 *
 * <p>Thread-safe; keep one per portal and agency.
 */
public final class PortalPostal {
    /** Master data of the FULL plan, pulled since the last checkpoint whatever the window. */
    private static final List<SyncStream<?>> MASTER_DATA = List.of(
            PortalStreams.CLIENTS,
            PortalStreams.DEPARTMENTS,
            PortalStreams.USERS,
            PortalStreams.BILLING_GROUPS,
            PortalStreams.LABEL_RANGES,
            PortalStreams.ROUTINGS,
            PortalStreams.FINANCIAL_ENTRIES,
            PortalStreams.OUTPOSTS);

    private final PortalConfig config;
    private final PortalTransport transport;

    private PortalPostal(PortalConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = new PortalTransport(config);
    }

    /** A client of the portal; nothing is sent until a plan runs (the login happens on the first call). */
    public static PortalPostal connect(PortalConfig config) {
        return new PortalPostal(config);
    }

    public PortalConfig config() {
        return config;
    }

    /** The transport, for plans of the host's own. */
    public SyncTransport transport() {
        return transport;
    }

    /** QUICK ("Sincronizar pré-postagens"): service orders, postal services and pre-postings of the window. */
    public Plan quick(Window window) {
        return Plan.builder("portal-quick").steps(quickSteps(window, List.of())).build();
    }

    /**
     * FULL ("Sincronizar tudo"): the master data (clients, departments, users, billing groups, label ranges,
     * routings, financial entries, outposts), then the QUICK steps for the window, then the upload of processed
     * objects and invoices waiting in the outbox.
     */
    public Plan full(Window window) {
        List<Step> steps = new ArrayList<>();
        List<String> master = new ArrayList<>();
        for (SyncStream<?> s : MASTER_DATA) {
            Step.Pull pull = Step.pull(s, transport).pageSize(config.pageSize());
            steps.add(pull);
            master.add(pull.name());
        }
        List<Step> quick = quickSteps(window, master);
        steps.addAll(quick);
        String[] afterQuick = quick.stream().map(Step::name).toArray(String[]::new);
        steps.add(Step.push(PortalStreams.PROCESSED_OBJECTS, transport).after(afterQuick));
        steps.add(Step.push(PortalStreams.INVOICES, transport).after(afterQuick));
        return Plan.builder("portal-full").steps(steps).build();
    }

    private List<Step> quickSteps(Window window, List<String> after) {
        String[] deps = after.toArray(String[]::new);
        return List.of(
                Step.pull(PortalStreams.SERVICE_ORDERS, transport)
                        .window(window)
                        .pageSize(config.pageSize())
                        .after(deps),
                Step.pull(PortalStreams.POSTAL_SERVICES, transport)
                        .pageSize(config.pageSize())
                        .after(deps),
                Step.pull(PortalStreams.PRE_POSTINGS, transport)
                        .window(window)
                        .pageSize(config.pageSize())
                        .after(deps));
    }

    /**
     * Export movement ("Exportar movimento") of a day: every counter sale of that day in the store goes up, one
     * batch per client, with progress and the portal's confirmation per client kept as a marker (see
     * {@link #confirmations}). Running it again for the same day changes nothing on the portal.
     */
    public Plan exportMovement(LocalDate day) {
        return Plan.of("portal-export-movement", exportMovementStep(day));
    }

    /** The export of {@link #exportMovement(LocalDate)} as a step, to put in a plan of the host's. */
    public Step.Task exportMovementStep(LocalDate day) {
        return Step.task("export movement " + day, new MovementExport(transport, config.agency(), day));
    }

    /** The portal's confirmations of a day's movement export, one per client, from the store. */
    public static List<MovementConfirmation> confirmations(SyncStore store, LocalDate day) {
        return MovementExport.confirmations(store, day);
    }

    /** Remote sales: an outpost's send and close, the head office's receive, the BDF import behind its gate. */
    public RemoteSales remoteSales() {
        return new RemoteSales(config, transport);
    }
}
