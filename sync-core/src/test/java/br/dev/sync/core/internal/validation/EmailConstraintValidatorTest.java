package br.dev.sync.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SDK's @Email validator answers as Hibernate Validator's own does, and takes its short cut for plain ones. */
class EmailConstraintValidatorTest {
    record Contact(
            @Email String email,

            @Email(regexp = ".*@example\\.com\\.br", message = "must be at example.com.br, got ${validatedValue}")
            String work,

            @Email(flags = Pattern.Flag.CASE_INSENSITIVE) String flagged,

            List<@Email String> others) {}

    @RegisterExtension
    static final BuiltInValidator builtIn = new BuiltInValidator();

    private static final Validator sdk = Validation.validator();

    /** Pieces an address is made of, the tricky ones included, so random joins hit every rule's edge. */
    private static final String[] PIECES = {
        "a",
        "Z",
        "9",
        "maria.silva",
        "joao_souza+pedidos",
        "x".repeat(63),
        "y".repeat(64),
        "-",
        ".",
        "..",
        "@",
        "@@",
        "example",
        "com",
        "br",
        "xn--ls8h",
        "a-b",
        "-a",
        "a-",
        "\"q\"",
        "\"a b\"",
        "\\",
        " ",
        "ç",
        "é",
        "日本",
        "😀",
        "[127.0.0.1]",
        "[IPv6:::1]",
        "!#$%&'*+/=?^_`{|}~",
        "(",
        ")",
        ",",
        ":",
        ";",
        "<",
        ">",
        "\n",
        "\t",
        "" + (char) 0,
        "\u0080",
        "\uFFFF",
        "\uD83D",
        "localhost",
        "EXAMPLE.COM.BR",
        "sub.domain.example.org"
    };

    private static String randomValue(Random r) {
        int kind = r.nextInt(10);
        if (kind < 2) { // a clean address, the kind real records carry
            return words(r, 1 + r.nextInt(3), "._+-") + "@" + words(r, 2 + r.nextInt(3), ".-");
        }
        if (kind < 4) { // something shaped like an address, with a random piece spliced in now and then
            StringBuilder b = new StringBuilder();
            b.append(pieces(r, 1 + r.nextInt(3))).append('@').append(pieces(r, 1 + r.nextInt(4)));
            return b.toString();
        }
        if (kind < 5) { // long labels, local parts and domains around the 63 / 64 / 255 limits
            String local = "l".repeat(60 + r.nextInt(8));
            StringBuilder domain = new StringBuilder("d".repeat(60 + r.nextInt(8)));
            while (domain.length() < 240 + r.nextInt(30)) {
                domain.append('.').append("e".repeat(1 + r.nextInt(63)));
            }
            return local + "@" + domain;
        }
        return pieces(r, r.nextInt(8));
    }

    private static final String[] WORDS = {"maria", "Silva", "joao", "loja01", "agf", "correios", "com", "br", "x"};

    private static String words(Random r, int count, String joins) {
        StringBuilder b = new StringBuilder(WORDS[r.nextInt(WORDS.length)]);
        for (int i = 1; i < count; i++) {
            b.append(joins.charAt(r.nextInt(joins.length()))).append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static String pieces(Random r, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String p = PIECES[r.nextInt(PIECES.length)];
            b.append(r.nextInt(4) == 0 ? p : p.replaceAll("[^a-z.]", ""));
            if (r.nextInt(3) == 0) {
                b.append('.');
            }
        }
        return b.toString();
    }

    private static Set<String> described(Set<? extends ConstraintViolation<?>> violations) {
        Set<String> out = new TreeSet<>();
        for (ConstraintViolation<?> v : violations) {
            out.add(v.getPropertyPath() + " | " + v.getMessage() + " | " + v.getInvalidValue());
        }
        return out;
    }

    @Test
    void answersAsHibernateValidatorOnTenThousandSeededRandomContacts() {
        Validator hv = builtIn.validator();
        Random r = new Random(20261122);
        int valid = 0;
        int plain = 0;
        for (int i = 0; i < 10_000; i++) {
            String email = randomValue(r);
            Contact c = new Contact(email, randomValue(r) + "@example.com.br", randomValue(r), List.of(randomValue(r)));
            Set<String> expected = described(hv.validate(c));

            assertThat(described(sdk.validate(c))).as("contact %s", c).isEqualTo(expected);
            boolean accepted = hv.validateValue(Contact.class, "email", email).isEmpty();
            valid += accepted ? 1 : 0;
            if (EmailConstraintValidator.plain(email)) {
                plain++;
                assertThat(accepted)
                        .as("'%s' taken as plain but refused by Hibernate Validator", email)
                        .isTrue();
            }
        }
        // the sample must exercise both answers and the short cut, or it proves nothing
        assertThat(valid).isBetween(1_000, 9_000);
        assertThat(plain).isGreaterThan(1_500);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "maria.silva@example.com.br",
                "joao_souza+pedidos@loja-01.example.com",
                "a@b",
                "o'brien@xn--ls8h.la",
                "!#$%&'*+/=?^_`{|}~-@example.org"
            })
    void typicalAddressesTakeTheShortCut(String email) {
        assertThat(EmailConstraintValidator.plain(email)).isTrue();
        assertThat(sdk.validateValue(Contact.class, "email", email)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"quoted local\"@example.com",
                "joão@example.com.br",
                "maria@[127.0.0.1]",
                "maria@exemplo.com.br.",
                ".maria@example.com",
                "maria..silva@example.com",
                "maria@-example.com",
                "maria@example-.com",
                "maria@example..com",
                "a@b@example.com",
                "@example.com",
                "maria@"
            })
    void anythingElseIsLeftToHibernateValidator(String email) {
        assertThat(EmailConstraintValidator.plain(email)).isFalse();
        assertThat(described(sdk.validateValue(Contact.class, "email", email)))
                .isEqualTo(described(builtIn.validator().validateValue(Contact.class, "email", email)));
    }

    @Test
    void theLimitsOfLengthAreHibernateValidatorsOwn() {
        List<String> edges = new ArrayList<>();
        edges.add("l".repeat(64) + "@example.com");
        edges.add("l".repeat(65) + "@example.com");
        edges.add("maria@" + "d".repeat(63) + ".com");
        edges.add("maria@" + "d".repeat(64) + ".com");
        String domain255 = ("d".repeat(63) + ".").repeat(3) + "d".repeat(63);
        edges.add("maria@" + domain255);
        edges.add("maria@" + domain255 + "d");
        edges.add("maria@" + domain255.substring(2) + ".x");
        Validator hv = builtIn.validator();
        for (String email : edges) {
            boolean expected = hv.validateValue(Contact.class, "email", email).isEmpty();
            assertThat(sdk.validateValue(Contact.class, "email", email).isEmpty())
                    .as(email)
                    .isEqualTo(expected);
            if (EmailConstraintValidator.plain(email)) {
                assertThat(expected).as(email).isTrue();
            }
        }
    }
}
