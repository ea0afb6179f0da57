package br.dev.sync.portal.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.HibernateValidator;

/** Jakarta validation for configuration and imported lines, worded "field: message (value 'x')". */
public final class Checks {
    private static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class)
            .configure()
            .defaultLocale(Locale.ENGLISH)
            .buildValidatorFactory();

    private Checks() {}

    public static Validator validator() {
        return FACTORY.getValidator();
    }

    /** Every violation, sorted by field; values of secret-looking fields are never shown. */
    public static List<String> violations(Object value) {
        return validator().validate(value).stream()
                .sorted(Comparator.comparing(
                        (ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .map(Checks::describe)
                .toList();
    }

    private static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String text = path + ": " + v.getMessage();
        Object value = v.getInvalidValue();
        if (value == null || path.matches("(?i).*(secret|senha|password|token).*")) {
            return text;
        }
        return text + " (value '" + value + "')";
    }
}
