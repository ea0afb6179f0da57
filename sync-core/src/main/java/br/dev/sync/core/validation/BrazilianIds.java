package br.dev.sync.core.validation;

import br.dev.sync.core.internal.validation.CheckDigits;
import br.dev.sync.core.internal.validation.IdRules;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks for the Brazilian identifiers that records carry: the Correios tracking code (UPU S10), CPF, CNPJ (numeric
 * and, since July 2026, alphanumeric), CEP and the NF-e/NFC-e access key. A record with an identifier that fails
 * these checks is quarantined with the reason, never applied; the constraints of this package ({@link Cpf},
 * {@link Cnpj}, ...) run the same checks inside Jakarta Validation and word the reason.
 *
 * <p>Formatting: CPF, CNPJ, CEP and NF-e key checks ignore the characters '.', '/', '-' and whitespace wherever they
 * are, so {@code 529.982.247-25} and {@code 52998224725} are both a CPF. A tracking code takes no formatting.
 *
 * <p>Letters: those of an alphanumeric CNPJ (and of an NF-e key that carries one) must be uppercase, as the
 * Receita Federal issues them; {@code 12.abc.345/01de-35} is rejected, because the value would be stored and compared
 * as it is. Call {@link #normalize(String)} while mapping to accept lowercase input on purpose.
 *
 * <p>Every {@code is...} method answers false for null. The class is stateless and thread-safe.
 */
public final class BrazilianIds {
    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
    private static final Pattern CNPJ_BASE = Pattern.compile("[0-9A-Z]{12}");
    private static final Pattern NFE_BODY = Pattern.compile("\\d{6}[0-9A-Z]{14}\\d{23}");

    private BrazilianIds() {}

    /** A Correios tracking code (UPU S10): {@code ^[A-Z]{2}\d{8}\d[A-Z]{2}$} with a valid check digit. */
    public static boolean isTrackingCode(String value) {
        return value != null && IdRules.trackingCode(value).isEmpty();
    }

    /**
     * The UPU S10 check digit of a serial number: weights 8,6,4,2,3,5,9,7; r = sum mod 11; 5 when r = 0, 0 when
     * r = 1, else 11 - r. For example 46020941 gives 5.
     *
     * @throws IllegalArgumentException unless {@code eightDigits} is exactly 8 digits
     */
    public static int trackingCheckDigit(String eightDigits) {
        return CheckDigits.tracking(require(eightDigits, EIGHT_DIGITS, "8 digits"));
    }

    /** A CPF: 11 digits, not all the same, with valid check digits; formatted or bare. */
    public static boolean isCpf(String value) {
        return value != null && IdRules.cpf(value).isEmpty();
    }

    /**
     * The two CPF check digits of its first 9 digits, for example "25" for 529982247.
     *
     * @throws IllegalArgumentException unless {@code nineDigits} is exactly 9 digits
     */
    public static String cpfCheckDigits(String nineDigits) {
        return CheckDigits.cpf(require(nineDigits, NINE_DIGITS, "9 digits"));
    }

    /**
     * A CNPJ, numeric or alphanumeric: 12 characters [0-9A-Z] then 2 check digits, not all the same; formatted
     * ({@code 12.ABC.345/01DE-35}) or bare.
     */
    public static boolean isCnpj(String value) {
        return value != null && IdRules.cnpj(value).isEmpty();
    }

    /**
     * The two CNPJ check digits of its first 12 characters: each character counts as its ASCII code minus 48, mod 11
     * with weights 2..9 cycling from the right; for example "35" for 12ABC34501DE and "81" for 112223330001.
     *
     * @throws IllegalArgumentException unless {@code twelve} is exactly 12 characters [0-9A-Z], bare
     */
    public static String cnpjCheckDigits(String twelve) {
        return CheckDigits.cnpj(require(twelve, CNPJ_BASE, "12 characters [0-9A-Z]"));
    }

    /** A CPF when the value has 11 characters once formatting is stripped, else a CNPJ. */
    public static boolean isCpfOrCnpj(String value) {
        return value != null && IdRules.cpfOrCnpj(value).isEmpty();
    }

    /** A CEP: 8 digits, bare or as NNNNN-NNN. */
    public static boolean isCep(String value) {
        return value != null && IdRules.cep(value).isEmpty();
    }

    /**
     * An NF-e or NFC-e access key: cUF(2) AAMM(4) CNPJ(14) model(2) series(3) number(9) tpEmis(1) cNF(8) DV(1), with
     * month 01 to 12, model 55 or 65 and a valid check digit; bare or in groups (spaces) as a DANFE prints it.
     *
     * <p>The CNPJ part may hold uppercase letters: since July 2026 the key carries the issuer's alphanumeric CNPJ
     * (Nota Técnica 2025.001), and letters count as in {@link #cnpjCheckDigits}. The CNPJ part itself is
     * <em>not</em> required to be a valid CNPJ: the key's own check digit already catches mistyping, a rural
     * producer's key carries a zero-padded CPF there, and the tax authority authorised the key as it is.
     */
    public static boolean isNfeKey(String value) {
        return value != null && IdRules.nfeKey(value).isEmpty();
    }

    /**
     * The check digit of the first 43 characters of an NF-e key: mod 11 with weights 2..9 cycling from the right;
     * a remainder under 2 gives 0.
     *
     * @throws IllegalArgumentException unless {@code fortyThree} is 43 digits (uppercase letters allowed at 7 to 20)
     */
    public static int nfeCheckDigit(String fortyThree) {
        return CheckDigits.fromTheRight(require(fortyThree, NFE_BODY, "43 digits"));
    }

    /**
     * {@code value} without the formatting characters '.', '/', '-' and whitespace: {@code 529.982.247-25} becomes
     * {@code 52998224725}. Any other character stays, so an invalid value stays invalid. Null gives null.
     */
    public static String digitsOnly(String value) {
        return value == null ? null : IdRules.strip(value);
    }

    /** {@link #digitsOnly(String)} in uppercase: the stored form of a CNPJ, {@code 12ABC34501DE35}. */
    public static String normalize(String value) {
        return value == null ? null : IdRules.strip(value).toUpperCase(Locale.ROOT);
    }

    private static String require(String value, Pattern shape, String expected) {
        if (value == null || !shape.matcher(value).matches()) {
            throw new IllegalArgumentException("expected " + expected + ", got '" + value + "'");
        }
        return value;
    }
}
