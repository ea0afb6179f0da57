package br.dev.sync.portal.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One line of a content declaration (declaração de conteúdo): what, how many, and its value in reais. */
public record ContentItem(
        @NotBlank @Size(max = 80) String content,
        @Positive int quantity,
        @NotNull @PositiveOrZero BigDecimal value) {}
