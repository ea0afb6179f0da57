package br.dev.sync.core.internal.validation;

import br.dev.sync.core.validation.NfeKey;

/** Validates {@link NfeKey}. Thread-safe once initialized. */
public final class NfeKeyValidator extends IdValidator<NfeKey> {
    public NfeKeyValidator() {
        super(IdRules::nfeKey, IdRules.NFE_KEY);
    }

    @Override
    public void initialize(NfeKey annotation) {
        configure(annotation.message());
    }
}
