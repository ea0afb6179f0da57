package br.dev.sync.core.internal.validation;

import br.dev.sync.core.validation.TrackingCode;

/** Validates {@link TrackingCode}. Thread-safe once initialized. */
public final class TrackingCodeValidator extends IdValidator<TrackingCode> {
    public TrackingCodeValidator() {
        super(IdRules::trackingCode, IdRules.S10);
    }

    @Override
    public void initialize(TrackingCode annotation) {
        configure(annotation.message());
    }
}
