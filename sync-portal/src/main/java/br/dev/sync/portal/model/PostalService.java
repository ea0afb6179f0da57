package br.dev.sync.portal.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A Correios service (Serviço ECT): code and name, e.g. 03220 SEDEX, 03298 PAC contrato agência. */
public record PostalService(
        @NotNull @Pattern(regexp = "\\d{5}") String code,
        @NotBlank @Size(max = 60) String name,
        boolean active,
        @NotNull Instant updatedAt)
        implements PortalRecord {}
