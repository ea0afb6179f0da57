package br.dev.sync.core.internal.validation;

import br.dev.sync.core.validation.Cnpj;

/** Validates {@link Cnpj}. Thread-safe once initialized. */
public final class CnpjValidator extends IdValidator<Cnpj> {
    public CnpjValidator() {
        super(IdRules::cnpj, IdRules.CNPJ);
    }

    @Override
    public void initialize(Cnpj annotation) {
        configure(annotation.message());
    }
}
