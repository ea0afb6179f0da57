package br.dev.sync.portal.model;

import br.dev.sync.core.validation.TrackingCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A sale made at an outpost (Venda remota, Posto Avançado), sent up by the outpost and received by the head
 * office. Its key is the outpost and the sale id, so the head office applies each once.
 */
public record RemoteSale(
        @NotNull @Pattern(regexp = "\\d{4}") String outpost,
        @NotBlank @Size(max = 30) String saleId,
        @NotNull LocalDate date,
        @NotBlank @Size(max = 20) String clientId,
        @NotNull @TrackingCode String trackingCode,
        @NotNull @Pattern(regexp = "\\d{5}") String serviceCode,
        @Positive @Max(999_999) int weightGrams,
        @NotNull @PositiveOrZero BigDecimal value,
        @NotNull Instant updatedAt)
        implements PortalRecord {
    /** The key: outpost and sale id, e.g. "0002/V-000123". */
    public String key() {
        return outpost + "/" + saleId;
    }
}
