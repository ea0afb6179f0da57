package br.dev.sync.portal.model;

import br.dev.sync.core.validation.Cep;
import br.dev.sync.core.validation.CpfOrCnpj;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A business customer of the agency (Cliente), with its CPF or CNPJ (numeric or alphanumeric) and posting card.
 */
public record Client(
        @NotBlank @Size(max = 20) String id,
        @NotBlank @Size(max = 80) String name,
        @NotNull @CpfOrCnpj String taxId,
        @Pattern(regexp = "\\d{10}") String postingCard,
        @Size(max = 20) String contract,
        @Cep String cep,
        boolean active,
        @NotNull Instant updatedAt)
        implements PortalRecord {}
