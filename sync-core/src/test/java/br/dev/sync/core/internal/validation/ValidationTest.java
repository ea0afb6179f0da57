package br.dev.sync.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.RecordRejectedException;
import br.dev.sync.core.validation.Cep;
import br.dev.sync.core.validation.Cpf;
import br.dev.sync.core.validation.CpfOrCnpj;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {
    record Client(
            @NotBlank String name,
            @CpfOrCnpj String taxId,
            @Cep String cep) {}

    record Login(
            @Size(min = 8) String password, @NotNull @Cpf String cpf) {}

    record Order(@Size(max = 1) List<String> items) {}

    @Test
    void firstViolationNamesTheFieldTheValueAndWhatIsWrong() {
        assertThat(Validation.firstViolation(new Client("ACME", "11.222.333/0001-80", "01310-100")))
                .contains("field 'taxId' value '11.222.333/0001-80': is not a valid CNPJ: check digits should be 81");
    }

    @Test
    void firstViolationIsTheFirstByFieldName() {
        assertThat(Validation.firstViolation(new Client("", "11.222.333/0001-80", "0131")))
                .contains("field 'cep' value '0131': is not a valid CEP: must have 8 digits, not 4");
    }

    @Test
    void firstViolationLeavesOutNullsSecretsAndCollections() {
        assertThat(Validation.firstViolation(new Login("short", "529.982.247-25")))
                .contains("field 'password': size must be between 8 and 2147483647");
        assertThat(Validation.firstViolation(new Login(null, null))).contains("field 'cpf': must not be null");
        assertThat(Validation.firstViolation(new Order(List.of("a", "b"))))
                .contains("field 'items': size must be between 0 and 1");
    }

    @Test
    void aValidRecordHasNoFirstViolation() {
        assertThat(Validation.firstViolation(new Client("ACME", "529.982.247-25", "01310-100")))
                .isEmpty();
    }

    @Test
    void requireValidRecordRejectsWithTheReason() {
        Client client = new Client("ACME", "529.982.247-25", "01310-100");
        assertThat(Validation.requireValidRecord(client, "client 42")).isSameAs(client);
        assertThatThrownBy(() -> Validation.requireValidRecord(new Client("ACME", "52998224726", null), "client 42"))
                .isInstanceOf(RecordRejectedException.class)
                .hasMessage("client 42 rejected: field 'taxId' value '52998224726': is not a valid CPF:"
                        + " check digits should be 25");
    }

    @Test
    void violationsStillListEverythingForConfiguration() {
        assertThat(Validation.violations(new Client(" ", "52998224726", "0131")))
                .containsExactly(
                        "cep: is not a valid CEP: must have 8 digits, not 4 (value '0131')",
                        "name: must not be blank (value ' ')",
                        "taxId: is not a valid CPF: check digits should be 25 (value '52998224726')");
        assertThatThrownBy(() -> Validation.requireValid(new Login("short", null), "login"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("login is not valid: cpf: must not be null; password: size must be between 8 and"
                        + " 2147483647");
    }
}
