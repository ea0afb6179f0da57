package br.dev.sync.portal.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A billing group (Grupo de Faturamento): how a customer's sales are invoiced together. */
public record BillingGroup(
        @NotBlank @Size(max = 20) String id,
        @NotBlank @Size(max = 20) String clientId,
        @NotBlank @Size(max = 60) String name,
        @Min(1) @Max(31) int closingDay,
        @NotNull Instant updatedAt)
        implements PortalRecord {}
