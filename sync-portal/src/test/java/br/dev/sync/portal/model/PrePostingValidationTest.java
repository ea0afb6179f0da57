package br.dev.sync.portal.model;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.internal.validation.Validation;
import br.dev.sync.core.validation.BrazilianIds;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Pre-postings are proven valid without Hibernate Validator (the short cut a pull takes for nearly every record), and
 * a pre-posting with a fault gets Hibernate Validator's own violations: seeded random records, each valid or with one
 * or two faults drawn from the model's constraints.
 */
class PrePostingValidationTest {
    private static final Validator HIBERNATE = Validation.validator();

    private final Random random = new Random(7_2026_12_02L);

    @Test
    void validPrePostingsAreProvenValidWithoutHibernateValidator() {
        for (int i = 0; i < 2_000; i++) {
            PrePosting p = prePosting(i);
            assertThat(HIBERNATE.validate(p)).as("record %d", i).isEmpty();
            assertThat(Validation.provenValid(p)).as("record %d: %s", i, p).isTrue();
            assertThat(Validation.violations(p)).isEmpty();
        }
    }

    @Test
    void aFaultyPrePostingGetsHibernateValidatorsViolations() {
        int faulty = 0;
        for (int i = 0; i < 5_000; i++) {
            PrePosting p = prePosting(i);
            int faults = 1 + random.nextInt(2);
            for (int f = 0; f < faults; f++) {
                p = FAULTS.get(random.nextInt(FAULTS.size())).apply(p);
            }
            int found = HIBERNATE.validate(p).size();
            List<String> answered = Validation.violations(p);
            assertThat(answered).as("record %d: %s", i, p).hasSize(found);
            if (found > 0) {
                faulty++;
                assertThat(Validation.provenValid(p)).as("record %d: %s", i, p).isFalse();
            }
        }
        assertThat(faulty).isGreaterThan(4_000);
    }

    /** Each a fault against one of the model's constraints (or its edge, which some are not). */
    private static final List<UnaryOperator<PrePosting>> FAULTS = List.of(
            p -> with(p, 0, "SS123456789BR"),
            p -> with(p, 0, null),
            p -> p.trackingCode() == null ? p : with(p, 0, p.trackingCode().toLowerCase()),
            p -> with(p, 1, "0322"),
            p -> with(p, 1, "03220a"),
            p -> with(p, 2, " "),
            p -> with(p, 2, "C".repeat(21)),
            p -> with(p, 3, 0),
            p -> with(p, 3, 1_000_000),
            p -> with(p, 3, 999_999),
            p -> with(p, 4, 4),
            p -> with(p, 5, -1),
            p -> with(p, 6, 1_000),
            p -> with(p, 9, "1234567890123"),
            p -> with(p, 10, "3526110000000000000055001000000001100000000"),
            p -> with(p, 11, List.of(new ContentItem(" ", 1, BigDecimal.ONE))),
            p -> with(p, 11, List.of(new ContentItem("LIVROS", 0, BigDecimal.ONE))),
            p -> with(p, 11, List.of(new ContentItem("LIVROS", 1, new BigDecimal("-0.01")))),
            p -> with(p, 11, List.of(new ContentItem("LIVROS", 1, null))),
            p -> with(p, 12, List.of("01")),
            p -> with(p, 13, "n".repeat(51)),
            p -> with(p, 14, null),
            p -> with(p, 14, party(p.sender(), 0, "ab")),
            p -> with(p, 14, party(p.sender(), 2, "123")),
            p -> with(p, 15, party(p.recipient(), 5, "ana@")),
            p -> with(p, 15, party(p.recipient(), 5, "\"ana silva\"@exemplo.com.br")),
            p -> with(p, 15, party(p.recipient(), 6, "52998224726")),
            p -> with(p, 15, party(p.recipient(), 7, null)),
            p -> with(p, 15, party(p.recipient(), 7, new Address("0131", "Rua 1", "1", null, "Centro", "Rio", "RJ"))),
            p -> with(p, 14, party(p.sender(), 7, new Address("01310100", "Rua 1", "1", null, "Centro", "Rio", "rj"))),
            p -> with(p, 16, 7),
            p -> with(p, 17, null),
            p -> with(p, 18, null),
            p -> with(with(with(p, 9, null), 10, null), 11, List.of()));

    /** The pre-posting with component {@code index} replaced. */
    private static PrePosting with(PrePosting p, int index, Object value) {
        Object[] c = {
            p.trackingCode(),
            p.serviceCode(),
            p.clientId(),
            p.weightGrams(),
            p.format(),
            p.heightCm(),
            p.widthCm(),
            p.lengthCm(),
            p.diameterCm(),
            p.invoiceNumber(),
            p.nfeKey(),
            p.contentItems(),
            p.additionalServices(),
            p.note(),
            p.sender(),
            p.recipient(),
            p.status(),
            p.createdOn(),
            p.updatedAt()
        };
        c[index] = value;
        @SuppressWarnings("unchecked")
        PrePosting out = new PrePosting(
                (String) c[0],
                (String) c[1],
                (String) c[2],
                (int) c[3],
                (int) c[4],
                (Integer) c[5],
                (Integer) c[6],
                (Integer) c[7],
                (Integer) c[8],
                (String) c[9],
                (String) c[10],
                (List<ContentItem>) c[11],
                (List<String>) c[12],
                (String) c[13],
                (Party) c[14],
                (Party) c[15],
                (int) c[16],
                (LocalDate) c[17],
                (Instant) c[18]);
        return out;
    }

    /** The party with component {@code index} replaced; null stays null. */
    private static Party party(Party p, int index, Object value) {
        if (p == null) {
            return null;
        }
        List<Object> c = new ArrayList<>(Arrays.asList(
                p.name(), p.phoneArea(), p.phone(), p.mobileArea(), p.mobile(), p.email(), p.taxId(), p.address()));
        c.set(index, value);
        return new Party(
                (String) c.get(0),
                (String) c.get(1),
                (String) c.get(2),
                (String) c.get(3),
                (String) c.get(4),
                (String) c.get(5),
                (String) c.get(6),
                (Address) c.get(7));
    }

    /** A valid pre-posting shaped as the sandbox's: an invoice, an NF-e key or a content declaration. */
    private PrePosting prePosting(int i) {
        String eight = String.format("%08d", i);
        LocalDate day = LocalDate.of(2026, 11, 1 + random.nextInt(30));
        int kind = i % 3;
        return new PrePosting(
                "SS" + eight + BrazilianIds.trackingCheckDigit(eight) + "BR",
                "03220",
                "C0000" + (1 + random.nextInt(9)),
                1 + random.nextInt(30_000),
                1 + random.nextInt(3),
                random.nextInt(100),
                random.nextInt(100),
                random.nextInt(100),
                random.nextBoolean() ? null : 0,
                kind == 0 ? digits(9) : null,
                kind == 1 ? nfeKey(day) : null,
                kind == 2
                        ? List.of(new ContentItem("LIVROS", 1 + random.nextInt(5), new BigDecimal("12.34")))
                        : List.of(),
                random.nextInt(4) == 0 ? List.of("001") : List.of(),
                random.nextBoolean() ? null : "fragil",
                party(),
                party(),
                1 + random.nextInt(6),
                day,
                day.atStartOfDay().plusSeconds(random.nextInt(80_000)).toInstant(java.time.ZoneOffset.UTC));
    }

    private Party party() {
        String nine = (char) ('1' + random.nextInt(9)) + digits(8);
        String twelve = (char) ('1' + random.nextInt(9)) + digits(7) + "0001";
        String taxId = random.nextBoolean()
                ? nine + BrazilianIds.cpfCheckDigits(nine)
                : twelve + BrazilianIds.cnpjCheckDigits(twelve);
        return new Party(
                "Maria Silva",
                "11",
                "3" + digits(7),
                random.nextBoolean() ? null : "11",
                "9" + digits(8),
                random.nextBoolean() ? "maria.silva@exemplo.com.br" : null,
                taxId,
                new Address(
                        (char) ('1' + random.nextInt(9)) + digits(7),
                        "Rua " + (1 + random.nextInt(900)),
                        String.valueOf(1 + random.nextInt(2000)),
                        null,
                        "Centro",
                        "Campinas",
                        "SP"));
    }

    private String nfeKey(LocalDate day) {
        String twelve = (char) ('1' + random.nextInt(9)) + digits(7) + "0001";
        String body = "35" + String.format("%02d%02d", day.getYear() % 100, day.getMonthValue()) + twelve
                + BrazilianIds.cnpjCheckDigits(twelve) + "55" + "001" + digits(9) + "1" + digits(8);
        return body + BrazilianIds.nfeCheckDigit(body);
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }
}
