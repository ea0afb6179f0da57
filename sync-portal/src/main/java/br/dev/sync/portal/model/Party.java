package br.dev.sync.portal.model;

import br.dev.sync.core.validation.CpfOrCnpj;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The sender (remetente) or recipient (destinatário) of a pre-posting. The tax id is a CPF or a CNPJ, numeric or
 * alphanumeric, formatted or bare.
 */
public record Party(
        @NotBlank @Size(min = 3, max = 50) String name,
        @Pattern(regexp = "\\d{2}") String phoneArea,
        @Pattern(regexp = "\\d{8}") String phone,
        @Pattern(regexp = "\\d{2}") String mobileArea,
        @Pattern(regexp = "\\d{9}") String mobile,
        @Email @Size(max = 255) String email,
        @NotNull @CpfOrCnpj String taxId,
        @NotNull @Valid Address address) {}
