package br.dev.sync.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random identifiers whose check digits come from {@link Oracle}, a second, plain implementation of the
 * published rules. Each must be accepted, formatted and bare; every one-character change is checked against the
 * oracle. Mod 11 with "remainder under 2 gives 0" (CPF, CNPJ, NF-e) and S10's "r = 0 gives 5" (as does r = 6)
 * cannot catch every change, so a handful of mutants stay valid: the oracle says which, and every change to a check
 * digit itself is always caught.
 */
class BrazilianIdsRandomTest {
    private static final int CASES = 500;
    private static final String DIGITS = "0123456789";
    private static final String ALPHANUMERIC = DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LETTERS = ALPHANUMERIC.substring(10);

    static Stream<String> cpfs() {
        Random random = new Random(20_260_701L);
        return Stream.generate(() -> random(random, DIGITS, 9))
                .filter(nine -> nine.chars().distinct().count() > 1)
                .limit(CASES)
                .map(nine -> nine + Oracle.cpf(nine));
    }

    static Stream<String> numericCnpjs() {
        Random random = new Random(11_222_333L);
        return Stream.generate(() -> random(random, DIGITS, 12))
                .limit(CASES)
                .map(twelve -> twelve + Oracle.cnpj(twelve));
    }

    static Stream<String> alphanumericCnpjs() {
        Random random = new Random(12_345_678L);
        return Stream.generate(() -> random(random, ALPHANUMERIC, 12))
                .filter(twelve -> twelve.chars().anyMatch(Character::isLetter))
                .limit(CASES)
                .map(twelve -> twelve + Oracle.cnpj(twelve));
    }

    static Stream<String> trackingCodes() {
        Random random = new Random(46_020_941L);
        return IntStream.range(0, CASES).mapToObj(i -> {
            String serial = random(random, DIGITS, 8);
            return random(random, LETTERS, 2) + serial + Oracle.s10(serial) + random(random, LETTERS, 2);
        });
    }

    static Stream<String> nfeKeys() {
        Random random = new Random(33_150_308L);
        return IntStream.range(0, CASES).mapToObj(i -> {
            String issuer = random(random, i % 2 == 0 ? DIGITS : ALPHANUMERIC, 14);
            String body = random(random, DIGITS, 2)
                    + random(random, DIGITS, 2)
                    + String.format("%02d", 1 + random.nextInt(12))
                    + issuer
                    + (random.nextBoolean() ? "55" : "65")
                    + random(random, DIGITS, 21);
            return body + Oracle.nfe(body);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cpfs")
    void generatedCpfs(String cpf) {
        String formatted = cpf.replaceFirst("(\\d{3})(\\d{3})(\\d{3})(\\d{2})", "$1.$2.$3-$4");
        assertThat(BrazilianIds.isCpf(cpf)).isTrue();
        assertThat(BrazilianIds.isCpf(formatted)).isTrue();
        assertThat(BrazilianIds.isCpfOrCnpj(formatted)).isTrue();
        assertThat(BrazilianIds.cpfCheckDigits(cpf.substring(0, 9))).isEqualTo(cpf.substring(9));
        assertMutants(cpf, i -> DIGITS, BrazilianIds::isCpf, Oracle::isCpf, 9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"numericCnpjs", "alphanumericCnpjs"})
    void generatedCnpjs(String cnpj) {
        String formatted = cnpj.replaceFirst("(.{2})(.{3})(.{3})(.{4})(.{2})", "$1.$2.$3/$4-$5");
        assertThat(BrazilianIds.isCnpj(cnpj)).isTrue();
        assertThat(BrazilianIds.isCnpj(formatted)).isTrue();
        assertThat(BrazilianIds.isCpfOrCnpj(formatted)).isTrue();
        assertThat(BrazilianIds.cnpjCheckDigits(cnpj.substring(0, 12))).isEqualTo(cnpj.substring(12));
        boolean hasLetters = !cnpj.equals(cnpj.toLowerCase());
        assertThat(BrazilianIds.isCnpj(formatted.toLowerCase())).isEqualTo(!hasLetters);
        assertThat(BrazilianIds.isCnpj(BrazilianIds.normalize(formatted.toLowerCase())))
                .isTrue();
        assertMutants(cnpj, i -> i < 12 ? ALPHANUMERIC : DIGITS, BrazilianIds::isCnpj, Oracle::isCnpj, 12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trackingCodes")
    void generatedTrackingCodes(String code) {
        assertThat(BrazilianIds.isTrackingCode(code)).isTrue();
        assertThat(BrazilianIds.trackingCheckDigit(code.substring(2, 10))).isEqualTo(code.charAt(10) - '0');
        assertThat(BrazilianIds.isTrackingCode(code.toLowerCase())).isFalse();
        // a letter changed to another letter is another valid code: letters change to digits or lowercase
        assertMutants(
                code,
                i -> i < 2 || i > 10 ? DIGITS + "abcxyz" : DIGITS,
                BrazilianIds::isTrackingCode,
                Oracle::isS10,
                10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nfeKeys")
    void generatedNfeKeys(String key) {
        String grouped = key.replaceAll("(.{4})(?!$)", "$1 ");
        assertThat(BrazilianIds.isNfeKey(key)).isTrue();
        assertThat(BrazilianIds.isNfeKey(grouped)).isTrue();
        assertThat(BrazilianIds.nfeCheckDigit(key.substring(0, 43))).isEqualTo(key.charAt(43) - '0');
        assertMutants(key, i -> i >= 6 && i < 20 ? ALPHANUMERIC : DIGITS, BrazilianIds::isNfeKey, Oracle::isNfe, 43);
    }

    /**
     * Every one-character change is accepted exactly when the oracle accepts it, a change at or after
     * {@code firstCheckDigit} is always rejected, and so are at least 80% of all changes.
     */
    private static void assertMutants(
            String valid,
            java.util.function.IntFunction<String> alphabet,
            Predicate<String> check,
            Predicate<String> oracle,
            int firstCheckDigit) {
        List<String> accepted = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        int mutants = 0;
        for (int i = 0; i < valid.length(); i++) {
            for (char c : alphabet.apply(i).toCharArray()) {
                if (c == valid.charAt(i)) {
                    continue;
                }
                String mutant = valid.substring(0, i) + c + valid.substring(i + 1);
                mutants++;
                boolean ok = check.test(mutant);
                if (ok != oracle.test(mutant) || ok && i >= firstCheckDigit) {
                    disagreements.add(mutant + (ok ? " accepted" : " rejected"));
                }
                if (ok) {
                    accepted.add(mutant);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(accepted.size()).as("accepted mutants %s", accepted).isLessThan(mutants / 5);
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
