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
 * A sale processed at the counter (Movimento, Venda): date, client, object, service, weight and value. Counter
 * sales are made locally and go up with the movement export.
 */
public record CounterSale(
        @NotBlank @Size(max = 30) String id,
        @NotNull LocalDate date,
        @NotBlank @Size(max = 20) String clientId,
        @NotNull @TrackingCode String trackingCode,
        @NotNull @Pattern(regexp = "\\d{5}") String serviceCode,
        @Positive @Max(999_999) int weightGrams,
        @NotNull @PositiveOrZero BigDecimal value,
        @NotNull Instant updatedAt)
        implements PortalRecord {}
