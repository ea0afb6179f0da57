package br.dev.sync.core.internal.validation;

/**
 * The check-digit arithmetic of Brazilian identifiers. Callers pass well-formed input (the right length, the right
 * characters); every character counts as its ASCII code minus 48, so digits count as themselves and the letters of
 * an alphanumeric CNPJ as 17 ('A') to 42 ('Z').
 *
 * <p>Stateless and thread-safe.
 */
public final class CheckDigits {
    private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    private CheckDigits() {}

    /** UPU S10 check digit of the 8-digit serial number: weights 8,6,4,2,3,5,9,7; 5 when r = 0, 0 when r = 1. */
    public static int tracking(CharSequence eightDigits) {
        int sum = 0;
        for (int i = 0; i < S10_WEIGHTS.length; i++) {
            sum += value(eightDigits.charAt(i)) * S10_WEIGHTS[i];
        }
        int r = sum % 11;
        return r == 0 ? 5 : r == 1 ? 0 : 11 - r;
    }

    /** The two CPF check digits of 9 digits: weights 10..2, then 11..2; a remainder under 2 gives 0. */
    public static String cpf(CharSequence nineDigits) {
        int first = descending(nineDigits, 10);
        int second = descending(nineDigits + Integer.toString(first), 11);
        return "" + first + second;
    }

    /** The two CNPJ check digits of 12 characters [0-9A-Z]: weights 2..9 cycling from the right. */
    public static String cnpj(CharSequence twelve) {
        int first = fromTheRight(twelve);
        int second = fromTheRight(twelve + Integer.toString(first));
        return "" + first + second;
    }

    /** Mod 11 with weights 2..9 cycling from the right; a remainder under 2 gives 0 (CNPJ, NF-e key). */
    public static int fromTheRight(CharSequence chars) {
        int sum = 0;
        for (int i = chars.length() - 1, weight = 2; i >= 0; i--, weight = weight == 9 ? 2 : weight + 1) {
            sum += value(chars.charAt(i)) * weight;
        }
        return digit(sum % 11);
    }

    private static int descending(CharSequence chars, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < chars.length(); i++) {
            sum += value(chars.charAt(i)) * (firstWeight - i);
        }
        return digit(sum % 11);
    }

    private static int digit(int remainder) {
        return remainder < 2 ? 0 : 11 - remainder;
    }

    private static int value(char c) {
        return c - '0';
    }
}
