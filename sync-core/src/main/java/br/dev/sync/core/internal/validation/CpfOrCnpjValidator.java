package br.dev.sync.core.internal.validation;

import br.dev.sync.core.validation.CpfOrCnpj;

/** Validates {@link CpfOrCnpj}. Thread-safe once initialized. */
public final class CpfOrCnpjValidator extends IdValidator<CpfOrCnpj> {
    public CpfOrCnpjValidator() {
        super(IdRules::cpfOrCnpj, IdRules.CPF_OR_CNPJ);
    }

    @Override
    public void initialize(CpfOrCnpj annotation) {
        configure(annotation.message());
    }
}
