package br.dev.sync.portal.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An invoice (fatura) of a billing group, sent up by the full sync. */
public record Invoice(
        @NotBlank @Size(max = 20) String number,
        @NotBlank @Size(max = 20) String clientId,
        @Size(max = 20) String billingGroupId,
        @NotNull LocalDate issuedOn,
        @NotNull @PositiveOrZero BigDecimal total,
        @NotNull Instant updatedAt)
        implements PortalRecord {}
