package br.dev.sync.portal.model;

/** The status of a pre-posting as the Correios number it, 1 to 6. */
public enum PrePostingStatus {
    /** 1 PREATENDIDO. */
    PRE_SERVED,
    /** 2 PREPOSTADO. */
    PRE_POSTED,
    /** 3 POSTADO. */
    POSTED,
    /** 4 EXPIRADO. */
    EXPIRED,
    /** 5 CANCELADO. */
    CANCELLED,
    /** 6 ESTORNADO. */
    REVERSED;

    /** The Correios number of this status, 1 to 6. */
    public int code() {
        return ordinal() + 1;
    }

    /** The status with this Correios number. */
    public static PrePostingStatus of(int code) {
        if (code < 1 || code > values().length) {
            throw new IllegalArgumentException("a pre-posting status is 1 to 6, not " + code);
        }
        return values()[code - 1];
    }
}
