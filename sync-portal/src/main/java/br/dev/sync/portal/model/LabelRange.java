package br.dev.sync.portal.model;

import br.dev.sync.core.validation.TrackingCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A label range (Etiquetas, sequência lógica): a customer and service range of tracking codes with used and
 * remaining counts.
 */
public record LabelRange(
        @NotBlank @Size(max = 20) String id,
        @NotBlank @Size(max = 20) String clientId,
        @NotNull @Pattern(regexp = "\\d{5}") String serviceCode,
        @NotNull @TrackingCode String first,
        @NotNull @TrackingCode String last,
        @PositiveOrZero int used,
        @PositiveOrZero int remaining,
        @NotNull Instant updatedAt)
        implements PortalRecord {}
