package br.dev.sync.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The identifier rules check characters by hand; each check answers what its regular expression would. */
class IdRulesCharClassTest {
    private static final String ALPHABET = "0123456789ABCDXYZabxyz.-/ \n\r\u0085\u2028\u2029é٣Ａ";

    /** A string of random length whose characters come mostly from a few that look like an identifier. */
    private static String random(Random r, int typicalLength) {
        int length = r.nextInt(4) == 0 ? r.nextInt(60) : typicalLength + r.nextInt(3) - 1;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.max(0, length); i++) {
            b.append(r.nextInt(8) == 0 ? ALPHABET.charAt(r.nextInt(ALPHABET.length())) : (char) ('0' + r.nextInt(10)));
            if (r.nextInt(6) == 0) {
                b.setCharAt(b.length() - 1, (char) ('A' + r.nextInt(26)));
            }
        }
        return b.toString();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026, 20261122})
    void eachCheckAgreesWithItsPattern(long seed) {
        Random r = new Random(seed);
        Pattern s10 = Pattern.compile("[A-Z]{2}\\d{9}[A-Z]{2}");
        Pattern cnpj = Pattern.compile("[0-9A-Z]{12}\\d{2}");
        Pattern nfe = Pattern.compile("\\d{6}[0-9A-Z]{14}\\d{24}");
        Pattern digits = Pattern.compile("\\d*");
        Pattern digitsOrUpper = Pattern.compile("[0-9A-Z]*");
        Pattern hasLower = Pattern.compile(".*[a-z].*");
        for (int i = 0; i < 20_000; i++) {
            String v = random(r, new int[] {8, 11, 13, 14, 44}[i % 5]);
            if (i % 5 == 2 && v.length() == 13 && r.nextBoolean()) {
                v = "SS" + v.substring(2, 11) + "BR"; // well-formed often enough to test the digit part
            }
            assertThat(IdRules.s10Format(v)).as(v).isEqualTo(s10.matcher(v).matches());
            assertThat(IdRules.cnpjFormat(v)).as(v).isEqualTo(cnpj.matcher(v).matches());
            assertThat(IdRules.nfeFormat(v)).as(v).isEqualTo(nfe.matcher(v).matches());
            assertThat(IdRules.digits(v, 0, v.length()))
                    .as(v)
                    .isEqualTo(digits.matcher(v).matches());
            assertThat(IdRules.digitsOrUpper(v, 0, v.length()))
                    .as(v)
                    .isEqualTo(digitsOrUpper.matcher(v).matches());
            assertThat(IdRules.hasLower(v)).as(v).isEqualTo(hasLower.matcher(v).matches());
        }
    }
}
