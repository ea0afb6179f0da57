package br.dev.sync.core.internal.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one {@link IdRules} rule for an identifier constraint. Null is valid. When the constraint keeps its default
 * message, the violation says what is wrong ("is not a valid CPF: check digits should be 25"); a message the user
 * set on the annotation is used as it is.
 *
 * <p>Instances are stateless once initialized, and thread-safe.
 */
abstract class IdValidator<A extends Annotation> implements ConstraintValidator<A, CharSequence> {
    private final Function<String, Optional<String>> rule;
    private final String defaultMessage;
    private boolean specific = true;

    IdValidator(Function<String, Optional<String>> rule, String defaultMessage) {
        this.rule = rule;
        this.defaultMessage = defaultMessage;
    }

    /** The rule: empty when the identifier is valid. */
    final Function<String, Optional<String>> rule() {
        return rule;
    }

    /** Called from {@link #initialize} with the annotation's {@code message()}. */
    final void configure(String message) {
        specific = defaultMessage.equals(message);
    }

    @Override
    public final boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Optional<String> problem = rule.apply(value.toString());
        if (problem.isPresent() && specific) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(problem.get())).addConstraintViolation();
        }
        return problem.isEmpty();
    }

    /** The rule's text is literal: keep the message interpolator from reading {, }, $ or \ in it. */
    static String escape(String text) {
        return text.replaceAll("([\\\\{}$])", "\\\\$1");
    }
}
