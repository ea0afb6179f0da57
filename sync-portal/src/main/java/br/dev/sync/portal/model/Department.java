package br.dev.sync.portal.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A department (Departamento) of a client, to which postings are charged. */
public record Department(
        @NotBlank @Size(max = 20) String id,
        @NotBlank @Size(max = 20) String clientId,
        @NotBlank @Size(max = 60) String name,
        @NotNull Instant updatedAt)
        implements PortalRecord {}
