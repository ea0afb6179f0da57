package br.dev.sync.core.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import br.dev.sync.core.internal.validation.CpfValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated character sequence is a CPF, formatted or bare, as {@link BrazilianIds#isCpf} checks it.
 *
 * <p>Null is valid: add {@code @NotNull} when the value is required. With the default message a violation says what
 * is wrong, for example "is not a valid CPF: check digits should be 25".
 */
@Documented
@Constraint(validatedBy = CpfValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface Cpf {
    String message() default "is not a valid CPF";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
