package br.dev.sync.portal.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One line of the C.A. (Correios Atende) data that comes with the BDF: a protocol, what it is, and its value. */
public record CaEntry(
        @NotNull LocalDate day,
        @NotBlank @Size(max = 30) String protocol,
        @NotBlank @Size(max = 80) String description,
        @NotNull @PositiveOrZero BigDecimal value,
        @NotNull Instant updatedAt)
        implements PortalRecord {
    /** "2026-11-22/CA123": the day and the protocol. */
    public String key() {
        return day + "/" + protocol;
    }
}
