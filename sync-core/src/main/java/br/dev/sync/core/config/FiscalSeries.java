package br.dev.sync.core.config;

import br.dev.sync.core.internal.config.ContingencySeriesDiffer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The fiscal series a store issues documents in: NF-e (model 55), NFC-e (model 65), and for each model a separate
 * series used while in contingency. Each is 0 to 999, and a contingency series must differ from the normal series of
 * the same model. Checked when the {@link SyncConfiguration} holding it is built.
 *
 * <p>Immutable and thread-safe.
 */
@ContingencySeriesDiffer
public record FiscalSeries(
        @NotNull(message = "must be set") @Min(0) @Max(999) Integer nfe,
        @NotNull(message = "must be set") @Min(0) @Max(999) Integer nfce,
        @NotNull(message = "must be set") @Min(0) @Max(999) Integer nfeContingency,
        @NotNull(message = "must be set") @Min(0) @Max(999) Integer nfceContingency) {}
