package br.dev.sync.core.internal.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Brazilian identifier rules, each answering what is wrong with a value ("is not a valid CPF: check digits
 * should be 25") or empty when it is valid. {@code br.dev.sync.core.validation.BrazilianIds} and the constraint
 * validators of this package share them, so a pure check and a constraint never disagree. Values are non-null.
 *
 * <p>Stateless and thread-safe.
 */
public final class IdRules {
    static final String S10 = "is not a valid UPU S10 tracking code";
    static final String CPF = "is not a valid CPF";
    static final String CNPJ = "is not a valid CNPJ";
    static final String CPF_OR_CNPJ = "is not a valid CPF or CNPJ";
    static final String CEP = "is not a valid CEP";
    static final String NFE_KEY = "is not a valid NF-e key";

    private static final Pattern S10_FORMAT = Pattern.compile("[A-Z]{2}\\d{9}[A-Z]{2}");
    private static final Pattern DIGITS = Pattern.compile("\\d*");
    private static final Pattern DIGITS_AND_UPPER = Pattern.compile("[0-9A-Z]*");
    private static final Pattern HAS_LOWER = Pattern.compile(".*[a-z].*");
    private static final Pattern CNPJ_FORMAT = Pattern.compile("[0-9A-Z]{12}\\d{2}");
    private static final Pattern NFE_FORMAT = Pattern.compile("\\d{6}[0-9A-Z]{14}\\d{24}");
    private static final String SEPARATORS = ", apart from . / - and spaces";

    private IdRules() {}

    /** {@code value} without the formatting characters '.', '/', '-' and whitespace; other characters stay. */
    public static String strip(String value) {
        StringBuilder kept = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean separator = c == '.' || c == '/' || c == '-' || Character.isWhitespace(c);
            if (separator && kept == null) {
                kept = new StringBuilder(value.length()).append(value, 0, i);
            } else if (!separator && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? value : kept.toString();
    }

    public static Optional<String> trackingCode(String value) {
        if (value.length() != 13) {
            return fail(S10, "must have 13 characters, not " + value.length());
        }
        if (!S10_FORMAT.matcher(value).matches()) {
            return fail(S10, "must be 2 uppercase letters, 9 digits and 2 uppercase letters, like AA123456785BR");
        }
        return checkDigits(
                S10, value.substring(10, 11), Integer.toString(CheckDigits.tracking(value.substring(2, 10))));
    }

    public static Optional<String> cpf(String value) {
        String bare = strip(value);
        if (!DIGITS.matcher(bare).matches()) {
            return fail(CPF, "may hold only digits" + SEPARATORS);
        }
        if (bare.length() != 11) {
            return fail(CPF, "must have 11 digits, not " + bare.length());
        }
        if (allSame(bare)) {
            return fail(CPF, "all digits are the same");
        }
        return checkDigits(CPF, bare.substring(9), CheckDigits.cpf(bare.substring(0, 9)));
    }

    public static Optional<String> cnpj(String value) {
        String bare = strip(value);
        Optional<String> charset = letters(CNPJ, bare, "may hold only digits and uppercase letters" + SEPARATORS);
        if (charset.isPresent()) {
            return charset;
        }
        if (bare.length() != 14) {
            return fail(CNPJ, "must have 14 characters, not " + bare.length());
        }
        if (!CNPJ_FORMAT.matcher(bare).matches()) {
            return fail(CNPJ, "the last 2 characters (the check digits) must be digits");
        }
        if (allSame(bare)) {
            return fail(CNPJ, "all characters are the same");
        }
        return checkDigits(CNPJ, bare.substring(12), CheckDigits.cnpj(bare.substring(0, 12)));
    }

    /** A CPF when it has 11 characters once formatting is stripped, a CNPJ when it has 14. */
    public static Optional<String> cpfOrCnpj(String value) {
        int length = strip(value).length();
        if (length == 11) {
            return cpf(value);
        }
        if (length == 14) {
            return cnpj(value);
        }
        return fail(CPF_OR_CNPJ, "must have 11 (CPF) or 14 (CNPJ) characters, not " + length);
    }

    public static Optional<String> cep(String value) {
        String bare = strip(value);
        if (!DIGITS.matcher(bare).matches()) {
            return fail(CEP, "may hold only digits" + SEPARATORS);
        }
        if (bare.length() != 8) {
            return fail(CEP, "must have 8 digits, not " + bare.length());
        }
        return Optional.empty();
    }

    /** Letters are allowed where the issuer's CNPJ sits (characters 7 to 20): an alphanumeric CNPJ goes there. */
    public static Optional<String> nfeKey(String value) {
        String bare = strip(value);
        Optional<String> charset = letters(NFE_KEY, bare, "may hold only digits" + SEPARATORS);
        if (charset.isPresent()) {
            return charset;
        }
        if (bare.length() != 44) {
            return fail(NFE_KEY, "must have 44 characters, not " + bare.length());
        }
        if (!NFE_FORMAT.matcher(bare).matches()) {
            return fail(NFE_KEY, "letters may appear only in the issuer's CNPJ (characters 7 to 20)");
        }
        int month = Integer.parseInt(bare.substring(4, 6));
        if (month < 1 || month > 12) {
            return fail(NFE_KEY, "month " + bare.substring(4, 6) + " (characters 5 and 6) is not 01 to 12");
        }
        String model = bare.substring(20, 22);
        if (!model.equals("55") && !model.equals("65")) {
            return fail(NFE_KEY, "model " + model + " (characters 21 and 22) is not 55 (NF-e) or 65 (NFC-e)");
        }
        return checkDigits(
                NFE_KEY, bare.substring(43), Integer.toString(CheckDigits.fromTheRight(bare.substring(0, 43))));
    }

    private static Optional<String> letters(String what, String bare, String otherwise) {
        if (HAS_LOWER.matcher(bare).matches()) {
            return fail(what, "letters must be uppercase");
        }
        return DIGITS_AND_UPPER.matcher(bare).matches() ? Optional.empty() : fail(what, otherwise);
    }

    private static Optional<String> checkDigits(String what, String found, String expected) {
        if (found.equals(expected)) {
            return Optional.empty();
        }
        return fail(what, (expected.length() == 1 ? "check digit should be " : "check digits should be ") + expected);
    }

    private static boolean allSame(String bare) {
        for (int i = 1; i < bare.length(); i++) {
            if (bare.charAt(i) != bare.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> fail(String what, String why) {
        return Optional.of(what + ": " + why);
    }
}
