package br.dev.sync.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.internal.validation.Validation;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The constraints on a record, read through {@link Validation#violations}: each says what is wrong. */
class IdConstraintsTest {
    record Shipment(
            @TrackingCode String trackingCode,
            @Cpf String cpf,
            @Cnpj String cnpj,
            @CpfOrCnpj String taxId,
            @Cep String cep,
            @NfeKey String nfeKey) {}

    record Sender(
            @NotNull @Cpf String cpf,
            @Cnpj(message = "CNPJ do remetente inválido") String cnpj) {}

    record Tagged(List<@Cep String> ceps) {}

    private static final Shipment VALID = new Shipment(
            "SS460209415BR",
            "529.982.247-25",
            "12.ABC.345/01DE-35",
            "11.222.333/0001-81",
            "01310-100",
            "33150308370779000149550010001100931002410775");

    @Test
    void validValuesHaveNoViolations() {
        assertThat(Validation.violations(VALID)).isEmpty();
    }

    @Test
    void nullIsValidUnlessNotNullSaysOtherwise() {
        assertThat(Validation.violations(new Shipment(null, null, null, null, null, null)))
                .isEmpty();
        assertThat(Validation.violations(new Sender(null, null))).containsExactly("cpf: must not be null");
    }

    @Test
    void everyConstraintSaysWhatIsWrong() {
        Shipment bad = new Shipment(
                "SS460209410BR",
                "529.982.247-26",
                "12.abc.345/01de-35",
                "5299822472",
                "0131-100",
                "33150308370779000149550010001100931002410776");

        assertThat(Validation.violations(bad))
                .containsExactly(
                        "cep: is not a valid CEP: must have 8 digits, not 7 (value '0131-100')",
                        "cnpj: is not a valid CNPJ: letters must be uppercase (value '12.abc.345/01de-35')",
                        "cpf: is not a valid CPF: check digits should be 25 (value '529.982.247-26')",
                        "nfeKey: is not a valid NF-e key: check digit should be 5"
                                + " (value '33150308370779000149550010001100931002410776')",
                        "taxId: is not a valid CPF or CNPJ: must have 11 (CPF) or 14 (CNPJ) characters, not 10"
                                + " (value '5299822472')",
                        "trackingCode: is not a valid UPU S10 tracking code: check digit should be 5"
                                + " (value 'SS460209410BR')");
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "trackingCode | SS46020941BR | is not a valid UPU S10 tracking code: must have 13 characters, not 12",
                "trackingCode | ss460209415br | is not a valid UPU S10 tracking code: must be 2 uppercase letters,"
                        + " 9 digits and 2 uppercase letters, like AA123456785BR",
                "cpf | 111.111.111-11 | is not a valid CPF: all digits are the same",
                "cpf | 529.982.247-2x | is not a valid CPF: may hold only digits, apart from . / - and spaces",
                "cpf | 529.982.247 | is not a valid CPF: must have 11 digits, not 9",
                "cnpj | 12.ABC.345/01DE-36 | is not a valid CNPJ: check digits should be 35",
                "cnpj | 11.222.333/0001-80 | is not a valid CNPJ: check digits should be 81",
                "cnpj | 12.ABC.345/01DE-3A | is not a valid CNPJ: the last 2 characters (the check digits) must be"
                        + " digits",
                "cnpj | 00.000.000/0000-00 | is not a valid CNPJ: all characters are the same",
                "cnpj | 11.222.333/0001 | is not a valid CNPJ: must have 14 characters, not 12",
                "cnpj | 11_222_333_0001_81 | is not a valid CNPJ: may hold only digits and uppercase letters,"
                        + " apart from . / - and spaces",
                "taxId | 529.982.247-26 | is not a valid CPF: check digits should be 25",
                "taxId | 11.222.333/0001-80 | is not a valid CNPJ: check digits should be 81",
                "cep | 01310-1OO | is not a valid CEP: may hold only digits, apart from . / - and spaces",
                "nfeKey | 3315030837077900014955001000110093100241077 | is not a valid NF-e key: must have 44"
                        + " characters, not 43",
                "nfeKey | 33151308370779000149550010001100931002410778 | is not a valid NF-e key: month 13"
                        + " (characters 5 and 6) is not 01 to 12",
                "nfeKey | 33150308370779000149570010001100931002410772 | is not a valid NF-e key: model 57"
                        + " (characters 21 and 22) is not 55 (NF-e) or 65 (NFC-e)",
                "nfeKey | 3315A308370779000149550010001100931002410775 | is not a valid NF-e key: letters may"
                        + " appear only in the issuer's CNPJ (characters 7 to 20)",
                "nfeKey | 35160712abc34501de35550010000000011123456786 | is not a valid NF-e key: letters must be"
                        + " uppercase",
                "nfeKey | 3315-0308-3707 | is not a valid NF-e key: must have 44 characters, not 12",
                "nfeKey | 33150308370779000149550010001100931002410775# | is not a valid NF-e key: may hold only"
                        + " digits, apart from . / - and spaces",
            })
    void theMessageNamesTheProblem(String field, String value, String message) {
        Shipment shipment = switch (field) {
            case "trackingCode" -> new Shipment(value, null, null, null, null, null);
            case "cpf" -> new Shipment(null, value, null, null, null, null);
            case "cnpj" -> new Shipment(null, null, value, null, null, null);
            case "taxId" -> new Shipment(null, null, null, value, null, null);
            case "cep" -> new Shipment(null, null, null, null, value, null);
            default -> new Shipment(null, null, null, null, null, value);
        };
        assertThat(Validation.violations(shipment))
                .containsExactly(field + ": " + message + " (value '" + value + "')");
    }

    @Test
    void aMessageSetOnTheAnnotationIsKept() {
        assertThat(Validation.violations(new Sender("529.982.247-25", "11.222.333/0001-80")))
                .containsExactly("cnpj: CNPJ do remetente inválido (value '11.222.333/0001-80')");
    }

    @Test
    void constraintsApplyToContainerElements() {
        assertThat(Validation.violations(new Tagged(List.of("01310-100", "1234"))))
                .containsExactly(
                        "ceps[1].<list element>: is not a valid CEP: must have 8 digits, not 4 (value '1234')");
    }

    @Test
    void aRuleTextIsNotReadAsAMessageTemplate() {
        assertThat(Validation.violations(new Shipment(null, "{cpf}${1}", null, null, null, null)))
                .containsExactly(
                        "cpf: is not a valid CPF: may hold only digits, apart from . / - and spaces (value '{cpf}${1}')");
    }
}
