package br.dev.sync.core.internal.validation;

import br.dev.sync.core.validation.Cep;

/** Validates {@link Cep}. Thread-safe once initialized. */
public final class CepValidator extends IdValidator<Cep> {
    public CepValidator() {
        super(IdRules::cep, IdRules.CEP);
    }

    @Override
    public void initialize(Cep annotation) {
        configure(annotation.message());
    }
}
