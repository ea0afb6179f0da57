package br.dev.sync.portal.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A service order (Ordem de Serviço, OS): a customer's order that groups sales and shipments. */
public record ServiceOrder(
        @NotBlank @Size(max = 20) String id,
        @NotBlank @Size(max = 20) String clientId,
        @NotNull LocalDate openedOn,

        @NotBlank @Pattern(regexp = "ABERTA|FECHADA|CANCELADA")
        String status,

        @Size(max = 100) String description,
        @NotNull @PositiveOrZero BigDecimal total,
        @NotNull Instant updatedAt)
        implements PortalRecord {}
