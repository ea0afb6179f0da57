package br.dev.sync.core.internal.validation;

import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Locale;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hibernate Validator with its own constraint validators, in English: what the SDK's replacements are compared
 * with. Register it as a static {@code @RegisterExtension} field; the factory is closed after the class.
 */
final class BuiltInValidator implements AfterAllCallback {
    private final ValidatorFactory factory = jakarta.validation.Validation.byProvider(HibernateValidator.class)
            .configure()
            .defaultLocale(Locale.ENGLISH)
            .buildValidatorFactory();

    Validator validator() {
        return factory.getValidator();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        factory.close();
    }
}
