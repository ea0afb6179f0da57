package br.dev.sync.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.validator.constraints.br.CNPJ;
import org.hibernate.validator.constraints.br.CPF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Records what Hibernate Validator's own Brazilian constraints accept, the evidence behind using the SDK's own
 * checks ({@code br.dev.sync.core.validation}). If a Hibernate Validator upgrade changes a row, revisit that choice.
 */
class HibernateBrazilianConstraintsTest {
    record Hv(
            @CPF String cpf,
            @CNPJ String numeric,
            @CNPJ(format = CNPJ.Format.ALPHANUMERIC) String alphanumeric) {}

    private static boolean valid(String property, String value) {
        Hv hv = switch (property) {
            case "cpf" -> new Hv(value, null, null);
            case "numeric" -> new Hv(null, value, null);
            default -> new Hv(null, null, value);
        };
        return Validation.violations(hv).isEmpty();
    }

    @ParameterizedTest(name = "@{0} ''{1}'' valid: {2}")
    @CsvSource({
        "cpf, 529.982.247-25, true",
        "cpf, 52998224725, true",
        "cpf, 529.982.247-26, false",
        "cpf, 111.111.111-11, false",
        "cpf, 529982247-25, false",
        "numeric, 11.222.333/0001-81, true",
        "numeric, 11222333000181, true",
        "numeric, 11.222.333/0001-82, false",
        "numeric, 12.ABC.345/01DE-35, false",
        "numeric, 00.000.000/0000-00, false",
        "alphanumeric, 12.ABC.345/01DE-35, true",
        "alphanumeric, 12ABC34501DE35, true",
        "alphanumeric, 12.ABC.345/01DE-36, false",
        "alphanumeric, 12.abc.345/01de-35, false",
        "alphanumeric, 11.222.333/0001-81, true",
        "alphanumeric, 11.222.333/0001-82, false",
        "alphanumeric, 00000000000000, false",
    })
    void hibernateValidatorVerdicts(String property, String value, boolean expected) {
        assertThat(valid(property, value)).isEqualTo(expected);
    }

    @Test
    void hibernateValidatorSaysTheValueIsInvalidButNotWhy() {
        assertThat(Validation.violations(new Hv("529.982.247-26", "11.222.333/0001-8", "12.ABC.345/01DE-36")))
                .containsExactly(
                        "alphanumeric: invalid Brazilian corporate taxpayer registry number (CNPJ) (value '12.ABC.345/01DE-36')",
                        "cpf: invalid Brazilian individual taxpayer registry number (CPF) (value '529.982.247-26')",
                        "numeric: invalid Brazilian corporate taxpayer registry number (CNPJ) (value '11.222.333/0001-8')");
    }
}
