package br.dev.sync.portal.internal;

import br.dev.sync.core.StepAction;
import br.dev.sync.core.StepContext;
import br.dev.sync.core.spi.Marker;
import java.time.LocalDate;

/** The head office records each outpost's close of a day as a marker "outpost/day" holding its sales count. */
public final class ReceiveCloses implements StepAction {
    public static final String MARKER = "remote-sales-closed";
    private final PortalTransport transport;
    private final LocalDate day;

    public ReceiveCloses(PortalTransport transport, LocalDate day) {
        this.transport = transport;
        this.day = day;
    }

    @Override
    public void run(StepContext context) {
        var closes = transport.closes(day);
        context.received(closes.size());
        for (Wire.Fechamento c : closes) {
            context.store()
                    .putMarker(new Marker(
                            MARKER,
                            c.posto() + "/" + c.data(),
                            String.valueOf(c.quantidade()),
                            context.clock().instant()));
        }
        context.applied(closes.size());
    }
}
