package br.dev.sync.portal.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A financial entry (Financeiro): a receivable (RECEBER) or payment (PAGAR) of a customer. */
public record FinancialEntry(
        @NotBlank @Size(max = 20) String id,
        @NotBlank @Size(max = 20) String clientId,
        @NotNull @Pattern(regexp = "RECEBER|PAGAR") String kind,
        @NotNull LocalDate dueOn,
        @NotNull @PositiveOrZero BigDecimal amount,
        boolean paid,
        @NotNull Instant updatedAt)
        implements PortalRecord {}
