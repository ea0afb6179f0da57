package br.dev.sync.core.validation;

/**
 * The identifier rules written out a second time, as plainly as the published descriptions read, for checking
 * {@link BrazilianIds} against; input is bare, uppercase and of the right length.
 */
final class Oracle {
    private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};
    private static final int[] CNPJ_FIRST = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int[] CNPJ_SECOND = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};

    private Oracle() {}

    static int s10(String eightDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eightDigits.charAt(i) - '0') * S10_WEIGHTS[i];
        }
        int r = sum % 11;
        if (r == 0) {
            return 5;
        }
        if (r == 1) {
            return 0;
        }
        return 11 - r;
    }

    static String cpf(String nineDigits) {
        int first = 0;
        for (int i = 0; i < 9; i++) {
            first += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        first = 11 - first % 11;
        if (first >= 10) {
            first = 0;
        }
        int second = 2 * first;
        for (int i = 0; i < 9; i++) {
            second += (nineDigits.charAt(i) - '0') * (11 - i);
        }
        second = 11 - second % 11;
        if (second >= 10) {
            second = 0;
        }
        return "" + first + second;
    }

    static String cnpj(String twelve) {
        int first = weighted(twelve, CNPJ_FIRST);
        int second = weighted(twelve + first, CNPJ_SECOND);
        return "" + first + second;
    }

    static int nfe(String fortyThree) {
        int sum = 0;
        for (int i = 0; i < 43; i++) {
            sum += (fortyThree.charAt(i) - 48) * (2 + (42 - i) % 8);
        }
        int dv = 11 - sum % 11;
        return dv >= 10 ? 0 : dv;
    }

    static boolean isS10(String code) {
        return code.matches("[A-Z]{2}[0-9]{9}[A-Z]{2}") && code.charAt(10) - '0' == s10(code.substring(2, 10));
    }

    static boolean isCpf(String cpf) {
        return cpf.matches("[0-9]{11}")
                && !cpf.matches("(.)\\1*")
                && cpf.substring(9).equals(cpf(cpf.substring(0, 9)));
    }

    static boolean isCnpj(String cnpj) {
        return cnpj.matches("[0-9A-Z]{12}[0-9]{2}")
                && !cnpj.matches("(.)\\1*")
                && cnpj.substring(12).equals(cnpj(cnpj.substring(0, 12)));
    }

    static boolean isNfe(String key) {
        if (!key.matches("[0-9]{6}[0-9A-Z]{14}[0-9]{24}")) {
            return false;
        }
        int month = Integer.parseInt(key.substring(4, 6));
        String model = key.substring(20, 22);
        return month >= 1
                && month <= 12
                && (model.equals("55") || model.equals("65"))
                && key.charAt(43) - '0' == nfe(key.substring(0, 43));
    }

    private static int weighted(String chars, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (chars.charAt(i) - 48) * weights[i];
        }
        int dv = 11 - sum % 11;
        return dv >= 10 ? 0 : dv;
    }
}
