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
 * One sale line of a BDF (Balancete Diário de Faturamento), the daily billing balance SARA produces and the agency
 * imports each morning (D+1).
 */
public record BdfEntry(
        @NotNull LocalDate day,
        @Positive int line,
        @NotNull @TrackingCode String trackingCode,
        @NotNull @Pattern(regexp = "\\d{5}") String serviceCode,
        @NotBlank @Size(max = 20) String clientId,
        @Positive @Max(999_999) int weightGrams,
        @NotNull @PositiveOrZero BigDecimal value,
        @NotNull Instant updatedAt)
        implements PortalRecord {
    /** "2026-11-22/7": the day and the line number. */
    public String key() {
        return day + "/" + line;
    }
}
