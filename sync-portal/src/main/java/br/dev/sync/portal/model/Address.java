package br.dev.sync.portal.model;

import br.dev.sync.core.validation.Cep;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An address (endereço) of a sender or recipient: CEP of 8 digits, street, number, district, city and state. */
public record Address(
        @NotNull @Cep String cep,
        @NotBlank @Size(max = 50) String street,
        @Size(max = 6) String number,
        @Size(max = 30) String complement,
        @Size(max = 30) String district,
        @NotBlank @Size(max = 30) String city,
        @NotNull @Pattern(regexp = "[A-Z]{2}") String state) {}
