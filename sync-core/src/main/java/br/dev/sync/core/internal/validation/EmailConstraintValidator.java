package br.dev.sync.core.internal.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Email;

/**
 * The SDK's validator of {@link Email}: a plain ASCII address ({@code name.surname+tag@host.example.com.br}) is
 * accepted by a character walk; anything else (quoted local parts, non-ASCII, IP literals, an extra
 * {@code regexp}, every invalid value) goes to Hibernate Validator's own validator, so the answers are its answers.
 * The built-in one runs two regular expressions and {@link java.net.IDN#toASCII} on every value: a twelfth of the
 * client's CPU in a pull of pre-postings, whose parties carry e-mail addresses.
 *
 * <p>Thread-safe once initialized, as the validator it delegates to.
 */
public final class EmailConstraintValidator implements ConstraintValidator<Email, CharSequence> {
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_LABEL = 63;
    private static final int MAX_DOMAIN = 255;
    /** The local part's atom characters that are ASCII, besides letters and digits. */
    private static final String ATOM_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";

    private final org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator full =
            new org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator();
    private boolean plainSuffices;

    @Override
    public void initialize(Email annotation) {
        full.initialize(annotation);
        plainSuffices = ".*".equals(annotation.regexp()) && annotation.flags().length == 0;
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return plainSuffices && plain(value) || full.isValid(value, context);
    }

    /**
     * Whether {@code value} is a plain address that Hibernate Validator accepts: one {@code @}; a local part of at
     * most 64 characters made of dot-separated runs of ASCII atom characters; a domain of at most 255 characters
     * made of dot-separated labels of 1 to 63 ASCII letters, digits and inner hyphens. False says only "not plain".
     */
    static boolean plain(CharSequence value) {
        int at = -1;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            if (value.charAt(i) == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            }
        }
        return at > 0
                && at <= MAX_LOCAL_PART
                && n - at - 1 <= MAX_DOMAIN
                && plainLocalPart(value, at)
                && plainDomain(value, at + 1, n);
    }

    private static boolean plainLocalPart(CharSequence value, int end) {
        boolean afterDot = true;
        for (int i = 0; i < end; i++) {
            char ch = value.charAt(i);
            if (ch == '.') {
                if (afterDot) {
                    return false;
                }
                afterDot = true;
            } else if (letterOrDigit(ch) || ch < 128 && ATOM_SYMBOLS.indexOf(ch) >= 0) {
                afterDot = false;
            } else {
                return false;
            }
        }
        return !afterDot;
    }

    private static boolean plainDomain(CharSequence value, int from, int end) {
        int label = 0;
        char previous = '.';
        for (int i = from; i < end; i++) {
            char ch = value.charAt(i);
            if (ch == '.') {
                if (label == 0 || previous == '-') {
                    return false;
                }
                label = 0;
            } else if (letterOrDigit(ch) || ch == '-' && label > 0) {
                if (++label > MAX_LABEL) {
                    return false;
                }
            } else {
                return false;
            }
            previous = ch;
        }
        return label > 0 && previous != '-';
    }

    private static boolean letterOrDigit(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9';
    }
}
