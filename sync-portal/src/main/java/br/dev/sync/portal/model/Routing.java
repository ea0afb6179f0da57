package br.dev.sync.portal.model;

import br.dev.sync.core.validation.Cep;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A routing (Amarração): the destination code of a mail bag (SPO, PSC, BPR, CID ...) with its CEP range.
 */
public record Routing(
        @NotNull @Pattern(regexp = "[A-Z]{3}") String code,
        @NotBlank @Size(max = 60) String name,
        @NotNull @Cep String cepFrom,
        @NotNull @Cep String cepTo,
        @NotNull Instant updatedAt)
        implements PortalRecord {}
