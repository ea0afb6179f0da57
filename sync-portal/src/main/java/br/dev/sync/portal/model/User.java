package br.dev.sync.portal.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.hibernate.validator.constraints.br.CPF;

/**
 * A login (Usuário) of the agency or of a customer; the CPF is checked by Hibernate Validator's {@code @CPF}.
 */
public record User(
        @NotBlank @Size(max = 40) String login,
        @NotBlank @Size(max = 80) String name,
        @Email @Size(max = 255) String email,
        @CPF String cpf,
        @Size(max = 20) String clientId,
        boolean active,
        @NotNull Instant updatedAt)
        implements PortalRecord {}
