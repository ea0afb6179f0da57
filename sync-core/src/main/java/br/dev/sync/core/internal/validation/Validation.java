package br.dev.sync.core.internal.validation;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.RecordRejectedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/** One shared Jakarta Validator for records and configuration, and the SDK's wording of its violations. */
public final class Validation {
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|senha|credential).*");
    private static final int MAX_VALUE_CHARS = 60;
    private static final Comparator<ConstraintViolation<?>> BY_PATH_THEN_MESSAGE = Comparator.comparing(
                    (ConstraintViolation<?> v) -> v.getPropertyPath().toString())
            .thenComparing(ConstraintViolation::getMessage);
    private static final ValidatorFactory FACTORY = factory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private static final FastAccept FAST = new FastAccept(VALIDATOR);

    private Validation() {}

    /**
     * Hibernate Validator in English, with the SDK's {@link PatternConstraintValidator} for {@code @Pattern} and
     * {@link EmailConstraintValidator} for {@code @Email}.
     */
    static ValidatorFactory factory() {
        HibernateValidatorConfiguration configuration = jakarta.validation.Validation.byProvider(
                        HibernateValidator.class)
                .configure();
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(jakarta.validation.constraints.Pattern.class)
                .includeExistingValidators(false)
                .validatedBy(PatternConstraintValidator.class);
        mapping.constraintDefinition(jakarta.validation.constraints.Email.class)
                .includeExistingValidators(false)
                .validatedBy(EmailConstraintValidator.class);
        return configuration.defaultLocale(Locale.ENGLISH).addMapping(mapping).buildValidatorFactory();
    }

    /** The shared validator (thread-safe, as Jakarta Validation requires of validators). */
    public static Validator validator() {
        return VALIDATOR;
    }

    /**
     * Every violation of {@code value}, sorted by path, each as "path: message (value 'x')". A value {@link FastAccept}
     * proves valid is answered without running Hibernate Validator.
     */
    public static List<String> violations(Object value) {
        if (provenValid(value)) {
            return List.of();
        }
        Set<ConstraintViolation<Object>> found = validator().validate(value);
        return found.stream()
                .sorted(BY_PATH_THEN_MESSAGE)
                .map(Validation::describe)
                .toList();
    }

    /**
     * Whether {@code value} is proven valid without running Hibernate Validator ({@link FastAccept}): what
     * {@link #violations} and {@link #firstViolation} then answer at once. False says only "not proven".
     */
    public static boolean provenValid(Object value) {
        return FAST.accepts(value);
    }

    /** Throws a {@link ConfigurationException} listing every violation of {@code config}, if any. */
    public static <T> T requireValid(T config, String what) {
        List<String> problems = violations(config);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(what, problems);
        }
        return config;
    }

    /**
     * The first violation of {@code record} (by path, then message) in the compact form of a quarantine reason:
     * "field 'cpf' value '529.982.247-26': is not a valid CPF: check digits should be 25". The value is left out
     * when it is null, not a scalar, or held by a secret-looking property; a constraint on the whole record reads
     * "record: message". Empty when the record is valid.
     */
    public static Optional<String> firstViolation(Object record) {
        if (provenValid(record)) {
            return Optional.empty();
        }
        return validator().validate(record).stream().min(BY_PATH_THEN_MESSAGE).map(Validation::reason);
    }

    /** Throws a {@link RecordRejectedException} naming {@code what} and the first violation, if any. */
    public static <T> T requireValidRecord(T record, String what) {
        Optional<String> reason = firstViolation(record);
        if (reason.isPresent()) {
            throw new RecordRejectedException(what + " rejected: " + reason.get());
        }
        return record;
    }

    static String reason(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String where = path.isEmpty() ? "record" : "field '" + path + "'";
        return where + shownValue(v).map(shown -> " value '" + shown + "'").orElse("") + ": " + v.getMessage();
    }

    static String describe(ConstraintViolation<?> v) {
        String text = v.getPropertyPath() + ": " + v.getMessage();
        return shownValue(v).map(shown -> text + " (value '" + shown + "')").orElse(text);
    }

    /** The invalid value as it may be shown: none when null, not a scalar, or held by a secret-looking property. */
    private static Optional<String> shownValue(ConstraintViolation<?> v) {
        Object invalid = v.getInvalidValue();
        if (invalid == null
                || SECRET_NAME.matcher(v.getPropertyPath().toString()).matches()
                || !isScalar(invalid)) {
            return Optional.empty();
        }
        String shown = String.valueOf(invalid);
        return Optional.of(shown.length() > MAX_VALUE_CHARS ? shown.substring(0, MAX_VALUE_CHARS) + "..." : shown);
    }

    private static boolean isScalar(Object o) {
        return o instanceof CharSequence
                || o instanceof Number
                || o instanceof Boolean
                || o instanceof Enum<?>
                || o instanceof java.time.temporal.Temporal;
    }
}
