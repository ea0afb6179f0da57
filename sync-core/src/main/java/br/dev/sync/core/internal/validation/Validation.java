package br.dev.sync.core.internal.validation;

import br.dev.sync.core.ConfigurationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.validator.HibernateValidator;

/** One shared Jakarta Validator for records and configuration, and the SDK's wording of its violations. */
public final class Validation {
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|senha|credential).*");
    private static final int MAX_VALUE_CHARS = 60;
    private static final ValidatorFactory FACTORY = jakarta.validation.Validation.byProvider(HibernateValidator.class)
            .configure()
            .defaultLocale(Locale.ENGLISH)
            .buildValidatorFactory();

    private Validation() {}

    public static Validator validator() {
        return FACTORY.getValidator();
    }

    /** Every violation of {@code value}, sorted by path, each as "path: message (value 'x')". */
    public static List<String> violations(Object value) {
        Set<ConstraintViolation<Object>> found = validator().validate(value);
        return found.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(Validation::describe)
                .toList();
    }

    /** Throws a {@link ConfigurationException} listing every violation of {@code config}, if any. */
    public static <T> T requireValid(T config, String what) {
        List<String> problems = violations(config);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(what, problems);
        }
        return config;
    }

    static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String text = path + ": " + v.getMessage();
        Object invalid = v.getInvalidValue();
        if (invalid == null || SECRET_NAME.matcher(path).matches() || !isScalar(invalid)) {
            return text;
        }
        String shown = String.valueOf(invalid);
        if (shown.length() > MAX_VALUE_CHARS) {
            shown = shown.substring(0, MAX_VALUE_CHARS) + "...";
        }
        return text + " (value '" + shown + "')";
    }

    private static boolean isScalar(Object o) {
        return o instanceof CharSequence
                || o instanceof Number
                || o instanceof Boolean
                || o instanceof Enum<?>
                || o instanceof java.time.temporal.Temporal;
    }
}
