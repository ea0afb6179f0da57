package br.dev.sync.portal.internal;

import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineStage;
import br.dev.sync.core.StepAction;
import br.dev.sync.core.StepContext;
import br.dev.sync.core.spi.Marker;
import br.dev.sync.core.spi.OutboxEntry;
import br.dev.sync.core.spi.PushAck;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.portal.MovementConfirmation;
import br.dev.sync.portal.PortalStreams;
import br.dev.sync.portal.model.CounterSale;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends every counter sale of a day, one batch per client. The batch id is a digest of the day, the client and the
 * sales' keys and versions: sending the same movement again is recognised by the portal as the same batch, and a
 * changed movement is a new batch whose unchanged sales the portal answers as duplicates.
 */
public final class MovementExport implements StepAction {
    static final String MARKER = "movement-confirmed";
    private final PortalTransport transport;
    private final String agency;
    private final LocalDate day;

    public MovementExport(PortalTransport transport, String agency, LocalDate day) {
        this.transport = transport;
        this.agency = agency;
        this.day = day;
    }

    @Override
    public void run(StepContext context) {
        Map<String, List<OutboxEntry>> byClient = salesByClient(context.store());
        long total = byClient.values().stream().mapToLong(List::size).sum();
        long done = 0;
        context.progress(0, total);
        for (var e : byClient.entrySet()) {
            List<OutboxEntry> sales = e.getValue();
            context.received(sales.size());
            Wire.ResultadoLote answer = transport.uploadMovement(batchId(e.getKey(), sales), day, e.getKey(), sales);
            settle(context, sales, answer);
            done += sales.size();
            context.progress(done, total);
        }
    }

    private Map<String, List<OutboxEntry>> salesByClient(SyncStore store) {
        Map<String, List<OutboxEntry>> byClient = new TreeMap<>();
        long[] n = {0};
        store.scan(PortalStreams.COUNTER_SALES.name(), r -> {
            CounterSale sale = Records.read(r.fields(), CounterSale.class);
            if (day.equals(sale.date())) {
                var change = PortalStreams.change(PortalStreams.COUNTER_SALES, sale, agency);
                byClient.computeIfAbsent(sale.clientId(), c -> new ArrayList<>())
                        .add(new OutboxEntry(++n[0], change));
            }
        });
        return byClient;
    }

    private void settle(StepContext context, List<OutboxEntry> sales, Wire.ResultadoLote answer) {
        long pushed = 0;
        for (Wire.Resultado r : answer.resultados()) {
            PushAck ack = PortalTransport.ack(r);
            if (ack.status() == PushAck.Status.REJECTED) {
                OutboxEntry sale = sales.stream()
                        .filter(x -> x.sequence() == r.sequencia())
                        .findFirst()
                        .orElse(sales.get(0));
                context.quarantine(QuarantineEntry.of(
                        PortalStreams.COUNTER_SALES.name(),
                        sale.change().key(),
                        "",
                        QuarantineStage.PUSH,
                        "Portal Postal refused the sale in the movement of " + day + ": " + ack.reason(),
                        WireForms.JSON.valueToTree(sale.change().fields()).toString(),
                        sale.change().version(),
                        context.clock().instant()));
            } else {
                pushed++;
            }
        }
        context.pushed(pushed);
        Wire.Confirmacao c = answer.confirmacao();
        if (c != null) {
            context.store()
                    .putMarker(new Marker(
                            MARKER,
                            day + "/" + c.cliente(),
                            c.protocolo() + ";" + c.quantidade() + ";" + c.valorTotal(),
                            context.clock().instant()));
        }
    }

    private String batchId(String client, List<OutboxEntry> sales) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (OutboxEntry s : sales) {
                digest.update((s.change().key() + "@" + s.change().version() + ";").getBytes(StandardCharsets.UTF_8));
            }
            String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
            return "mov-" + agency + "-" + day + "-" + client + "-" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static List<MovementConfirmation> confirmations(SyncStore store, LocalDate day) {
        List<MovementConfirmation> out = new ArrayList<>();
        for (Marker m : store.markers(MARKER)) {
            if (m.key().startsWith(day + "/")) {
                String[] v = m.value().split(";");
                String client = m.key().substring(day.toString().length() + 1);
                out.add(new MovementConfirmation(v[0], client, day, Integer.parseInt(v[1]), new BigDecimal(v[2])));
            }
        }
        return out;
    }
}
