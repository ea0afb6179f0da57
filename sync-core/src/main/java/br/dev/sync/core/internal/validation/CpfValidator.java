package br.dev.sync.core.internal.validation;

import br.dev.sync.core.validation.Cpf;

/** Validates {@link Cpf}. Thread-safe once initialized. */
public final class CpfValidator extends IdValidator<Cpf> {
    public CpfValidator() {
        super(IdRules::cpf, IdRules.CPF);
    }

    @Override
    public void initialize(Cpf annotation) {
        configure(annotation.message());
    }
}
