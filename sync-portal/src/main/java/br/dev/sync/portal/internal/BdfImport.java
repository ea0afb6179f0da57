package br.dev.sync.portal.internal;

import br.dev.sync.core.Change;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineStage;
import br.dev.sync.core.StepAction;
import br.dev.sync.core.StepContext;
import br.dev.sync.core.SyncException;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.ApplyResult;
import br.dev.sync.core.spi.Marker;
import br.dev.sync.portal.PortalStreams;
import br.dev.sync.portal.model.BdfEntry;
import br.dev.sync.portal.model.CaEntry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a BDF file of a day into the store: sale lines into {@code bdf-entries}, C.A. lines into
 * {@code ca-entries}. The file is ours to read, semicolon-separated:
 *
 * <pre>
 * BDF;0042;2026-11-22                      header: agency and day
 * V;SS123456785BR;03220;C00001;350;25.50   sale: tracking code, service, client, grams, value
 * CA;CA000123;ATENDIMENTO SEDEX;12.30      Correios Atende: protocol, description, value
 * T;1;25.50                                trailer: sale lines and their total
 * </pre>
 *
 * A wrong header or trailer fails the import with nothing written; an invalid line is quarantined with its line
 * number and reason, and the rest is imported.
 */
public final class BdfImport implements StepAction {
    public static final String MARKER = "bdf-imported";
    private final String agency;
    private final LocalDate day;
    private final Path file;

    public BdfImport(String agency, LocalDate day, Path file) {
        this.agency = agency;
        this.day = day;
        this.file = file;
    }

    @Override
    public void run(StepContext context) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Instant version = Files.getLastModifiedTime(file).toInstant();
        checkHeader(lines);
        List<Change> sales = new ArrayList<>();
        List<Change> ca = new ArrayList<>();
        List<QuarantineEntry> bad = new ArrayList<>();
        int saleLines = 0;
        BigDecimal total = BigDecimal.ZERO;
        String trailer = null;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(";", -1);
            try {
                switch (f[0]) {
                    case "V" -> {
                        saleLines++;
                        total = total.add(amountOrZero(f));
                        BdfEntry e = new BdfEntry(
                                day, i + 1, f[1], f[2], f[3], Integer.parseInt(f[4]), new BigDecimal(f[5]), version);
                        valid(e, i + 1);
                        sales.add(PortalStreams.change(PortalStreams.BDF_ENTRIES, e, "bdf"));
                    }
                    case "CA" -> {
                        CaEntry e = new CaEntry(day, f[1], f[2], new BigDecimal(f[3]), version);
                        valid(e, i + 1);
                        ca.add(PortalStreams.change(PortalStreams.CA_ENTRIES, e, "bdf"));
                    }
                    case "T" -> trailer = line;
                    default -> throw new IllegalArgumentException("unknown record type '" + f[0] + "'");
                }
            } catch (RuntimeException e) {
                bad.add(QuarantineEntry.of(
                        f[0].equals("CA") ? PortalStreams.CA_ENTRIES.name() : PortalStreams.BDF_ENTRIES.name(),
                        day + "/" + (i + 1),
                        "",
                        QuarantineStage.VALIDATE,
                        "BDF " + file.getFileName() + " line " + (i + 1) + ": " + reason(e),
                        line,
                        0,
                        context.clock().instant()));
            }
        }
        checkTrailer(trailer, saleLines, total);
        context.received(sales.size() + ca.size() + bad.size());
        bad.forEach(context::quarantine);
        apply(context, PortalStreams.BDF_ENTRIES.name(), sales, List.of());
        apply(
                context,
                PortalStreams.CA_ENTRIES.name(),
                ca,
                List.of(new Marker(
                        MARKER,
                        day.toString(),
                        sales.size() + ";" + ca.size(),
                        context.clock().instant())));
    }

    private static void apply(StepContext context, String stream, List<Change> changes, List<Marker> markers) {
        ApplyResult r = context.store().apply(ApplyBatch.of(stream, changes).withMarkers(markers));
        context.applied(r.applied());
        context.unchanged(r.unchanged());
    }

    /** A sale line's value for the trailer check, counted even when the line itself is refused. */
    private static BigDecimal amountOrZero(String[] f) {
        try {
            return f.length > 5 ? new BigDecimal(f[5]) : BigDecimal.ZERO;
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    private static void valid(Object entry, int line) {
        List<String> problems = Checks.violations(entry);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ArrayIndexOutOfBoundsException) {
            return "too few fields";
        }
        return e instanceof NumberFormatException ? "not a number: " + e.getMessage() : e.getMessage();
    }

    private void checkHeader(List<String> lines) {
        String expected = "BDF;" + agency + ";" + day;
        if (lines.isEmpty() || !lines.get(0).strip().equals(expected)) {
            throw new SyncException("BDF " + file + " does not start with '" + expected + "' (it starts with '"
                    + (lines.isEmpty() ? "" : lines.get(0)) + "'): is it the file of agency " + agency + " for "
                    + day + "? Nothing was imported.");
        }
    }

    private void checkTrailer(String trailer, int saleLines, BigDecimal total) {
        String expected = "T;" + saleLines + ";" + total.toPlainString();
        if (trailer == null) {
            throw new SyncException("BDF " + file + " has no trailer line 'T;count;total': it may be cut short."
                    + " Nothing was imported.");
        }
        String[] f = trailer.split(";");
        if (f.length < 3 || Integer.parseInt(f[1]) != saleLines || new BigDecimal(f[2]).compareTo(total) != 0) {
            throw new SyncException("BDF " + file + " trailer '" + trailer + "' does not match its " + saleLines
                    + " sale lines totalling " + total.toPlainString() + " (expected '" + expected + "')."
                    + " Nothing was imported.");
        }
    }
}
