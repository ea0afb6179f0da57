package br.dev.sync.core.internal.validation;

import java.util.Optional;

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
        if (!s10Format(value)) {
            return fail(S10, "must be 2 uppercase letters, 9 digits and 2 uppercase letters, like AA123456785BR");
        }
        return checkDigit(S10, value.charAt(10), CheckDigits.tracking(value.substring(2, 10)));
    }

    public static Optional<String> cpf(String value) {
        String bare = strip(value);
        if (!digits(bare, 0, bare.length())) {
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
        if (!cnpjFormat(bare)) {
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
        if (!digits(bare, 0, bare.length())) {
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
        if (!nfeFormat(bare)) {
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
        return checkDigit(NFE_KEY, bare.charAt(43), CheckDigits.fromTheRight(bare.substring(0, 43)));
    }

    private static Optional<String> letters(String what, String bare, String otherwise) {
        if (hasLower(bare)) {
            return fail(what, "letters must be uppercase");
        }
        return digitsOrUpper(bare, 0, bare.length()) ? Optional.empty() : fail(what, otherwise);
    }

    /** [A-Z]{2}\d{9}[A-Z]{2}, checked character by character as the rest of this class (no regex). */
    static boolean s10Format(String v) {
        return v.length() == 13 && upper(v, 0, 2) && digits(v, 2, 11) && upper(v, 11, 13);
    }

    /** [0-9A-Z]{12}\d{2}. */
    static boolean cnpjFormat(String v) {
        return v.length() == 14 && digitsOrUpper(v, 0, 12) && digits(v, 12, 14);
    }

    /** \d{6}[0-9A-Z]{14}\d{24}. */
    static boolean nfeFormat(String v) {
        return v.length() == 44 && digits(v, 0, 6) && digitsOrUpper(v, 6, 20) && digits(v, 20, 44);
    }

    /** Whether characters {@code from} to {@code to} (exclusive) of {@code s} are all ASCII digits. */
    static boolean digits(String s, int from, int to) {
        return only(s, from, to, true, false);
    }

    static boolean upper(String s, int from, int to) {
        return only(s, from, to, false, true);
    }

    static boolean digitsOrUpper(String s, int from, int to) {
        return only(s, from, to, true, true);
    }

    private static boolean only(String s, int from, int to, boolean digits, boolean upper) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((digits && c >= '0' && c <= '9') || (upper && c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s} holds a letter a-z and no line terminator: what the pattern {@code .*[a-z].*} matches, as
     * its dots stop at '\n', '\r', U+0085, U+2028 and U+2029.
     */
    static boolean hasLower(String s) {
        boolean lower = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
            lower |= c >= 'a' && c <= 'z';
        }
        return lower;
    }

    private static Optional<String> checkDigit(String what, char found, int expected) {
        return found == (char) ('0' + expected)
                ? Optional.empty()
                : checkDigits(what, String.valueOf(found), Integer.toString(expected));
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
