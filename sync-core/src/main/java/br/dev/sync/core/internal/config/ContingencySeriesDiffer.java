package br.dev.sync.core.internal.config;

import br.dev.sync.core.config.FiscalSeries;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/** A contingency series must differ from the normal series of the same model, or documents would collide. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ContingencySeriesDiffer.Check.class)
public @interface ContingencySeriesDiffer {
    String message() default "a contingency series must differ from the normal series of the same model";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports each clash on the contingency field, naming both settings and their value. */
    final class Check implements ConstraintValidator<ContingencySeriesDiffer, FiscalSeries> {
        @Override
        public boolean isValid(FiscalSeries s, ConstraintValidatorContext context) {
            boolean nfe = differ(s.nfe(), s.nfeContingency(), "NF-e", "nfeContingency", "nfe", context);
            boolean nfce = differ(s.nfce(), s.nfceContingency(), "NFC-e", "nfceContingency", "nfce", context);
            return nfe && nfce;
        }

        private static boolean differ(
                Integer normal,
                Integer contingency,
                String model,
                String field,
                String normalField,
                ConstraintValidatorContext context) {
            if (normal == null || !Objects.equals(normal, contingency)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(model + " contingency series (" + field + " = " + contingency
                            + ") must differ from the normal " + model + " series (" + normalField + " = " + normal
                            + ")")
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
