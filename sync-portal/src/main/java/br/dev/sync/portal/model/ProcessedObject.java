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

/** An object processed at the counter (objeto processado), sent up by the full sync. */
public record ProcessedObject(
        @NotNull @TrackingCode String trackingCode,
        @NotNull @Pattern(regexp = "\\d{5}") String serviceCode,
        @NotBlank @Size(max = 20) String clientId,
        @Positive @Max(999_999) int weightGrams,
        @NotNull @PositiveOrZero BigDecimal value,
        @NotNull LocalDate postedOn,
        @NotNull Instant updatedAt)
        implements PortalRecord {}
