package br.dev.sync.portal.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.hibernate.validator.constraints.br.CNPJ;

/**
 * An outpost (Posto Avançado) of the agency, registered at the head office; its CNPJ may be alphanumeric.
 */
public record Outpost(
        @NotNull @Pattern(regexp = "\\d{4}") String code,
        @NotBlank @Size(max = 60) String name,
        @CNPJ(format = CNPJ.Format.ALPHANUMERIC) String cnpj,
        boolean active,
        @NotNull Instant updatedAt)
        implements PortalRecord {}
