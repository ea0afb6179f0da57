package br.dev.sync.core.internal.schedule;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalTime;

/** A quiet-hours window must have two different ends; 08:00-08:00 is ambiguous (never or always). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NonEmptyWindow.Check.class)
public @interface NonEmptyWindow {
    String message() default "from and to must differ (a window of zero length is ambiguous)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link br.dev.sync.core.schedule.QuietHours}. */
    final class Check implements ConstraintValidator<NonEmptyWindow, br.dev.sync.core.schedule.QuietHours> {
        @Override
        public boolean isValid(br.dev.sync.core.schedule.QuietHours window, ConstraintValidatorContext context) {
            LocalTime from = window.from();
            return from == null || !from.equals(window.to());
        }
    }
}
