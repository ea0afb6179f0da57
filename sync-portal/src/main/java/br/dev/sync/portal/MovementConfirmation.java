package br.dev.sync.portal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The portal's confirmation of one client's movement of one day: its protocol, and how many sales and what total
 * the portal now holds for them.
 *
 * <p>Immutable and thread-safe.
 */
public record MovementConfirmation(String protocol, String client, LocalDate day, int sales, BigDecimal total) {}
