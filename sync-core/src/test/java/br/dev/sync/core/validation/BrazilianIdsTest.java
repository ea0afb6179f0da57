package br.dev.sync.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Known vectors (design guide, section 5) and the edges: formatting, case, length, null, repeated digits. */
class BrazilianIdsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"46020941, 5", "46020942, 9", "46020943, 2", "12345678, 5", "00000000, 5"})
    void trackingCheckDigitMatchesTheDesignVectors(String serial, int digit) {
        assertThat(BrazilianIds.trackingCheckDigit(serial)).isEqualTo(digit);
    }

    @ParameterizedTest(name = "''{0}'' is a tracking code: {1}")
    @CsvSource({
        "SS460209415BR, true",
        "JT460209429BR, true",
        "AA460209432BR, true",
        "AA123456785BR, true",
        "SS460209410BR, false",
        "SS460209416BR, false",
        "ss460209415br, false",
        "SS46020941BR, false",
        "SS4602094155BR, false",
        "S1460209415BR, false",
        "SS 460209415BR, false",
        "'', false",
    })
    void trackingCodes(String code, boolean valid) {
        assertThat(BrazilianIds.isTrackingCode(code)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "''{0}'' is a CPF: {1}")
    @CsvSource({
        "529.982.247-25, true",
        "52998224725, true",
        "529 982 247 25, true",
        "529.982.247-26, false",
        "529.982.247-15, false",
        "111.111.111-11, false",
        "00000000000, false",
        "99999999999, false",
        "5299822472, false",
        "529982247250, false",
        "529.982.247-2X, false",
        "'', false",
    })
    void cpfs(String cpf, boolean valid) {
        assertThat(BrazilianIds.isCpf(cpf)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "''{0}'' is a CNPJ: {1}")
    @CsvSource({
        "11.222.333/0001-81, true",
        "11222333000181, true",
        "12.ABC.345/01DE-35, true",
        "12ABC34501DE35, true",
        "12.abc.345/01de-35, false",
        "12.ABC.345/01DE-36, false",
        "12.ABC.345/01DE-53, false",
        "11.222.333/0001-82, false",
        "12.ABC.345/01DE-3A, false",
        "00.000.000/0000-00, false",
        "AAAAAAAAAAAAAA, false",
        "1122233300018, false",
        "112223330001811, false",
        "11.222.333/0001_81, false",
        "'', false",
    })
    void cnpjs(String cnpj, boolean valid) {
        assertThat(BrazilianIds.isCnpj(cnpj)).isEqualTo(valid);
    }

    @Test
    void lowercaseCnpjIsRejectedUntilNormalized() {
        assertThat(BrazilianIds.isCnpj("12.abc.345/01de-35")).isFalse();
        assertThat(BrazilianIds.normalize("12.abc.345/01de-35")).isEqualTo("12ABC34501DE35");
        assertThat(BrazilianIds.isCnpj(BrazilianIds.normalize("12.abc.345/01de-35")))
                .isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"112223330001, 81", "12ABC34501DE, 35", "000000000001, 91"})
    void cnpjCheckDigitsCountLettersAsAsciiMinus48(String twelve, String digits) {
        assertThat(BrazilianIds.cnpjCheckDigits(twelve)).isEqualTo(digits);
    }

    @Test
    void cpfCheckDigitsOfTheDesignVector() {
        assertThat(BrazilianIds.cpfCheckDigits("529982247")).isEqualTo("25");
    }

    @ParameterizedTest(name = "''{0}'' is a CPF or CNPJ: {1}")
    @CsvSource({
        "529.982.247-25, true",
        "11.222.333/0001-81, true",
        "12ABC34501DE35, true",
        "529.982.247-26, false",
        "11.222.333/0001-80, false",
        "5299822472, false",
        "ABC.982.247-25, false",
        "'', false",
    })
    void cpfsOrCnpjs(String value, boolean valid) {
        assertThat(BrazilianIds.isCpfOrCnpj(value)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "''{0}'' is a CEP: {1}")
    @CsvSource({
        "01310-100, true",
        "01310100, true",
        "01.310-100, true",
        "0131010, false",
        "013101000, false",
        "0131O-100, false",
        "'', false",
    })
    void ceps(String cep, boolean valid) {
        assertThat(BrazilianIds.isCep(cep)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "''{0}'' is an NF-e key: {1}")
    @CsvSource({
        // published keys: an NFC-e from Amazonas and an NF-e from Rio de Janeiro
        "13181017921427000125650010000000309887251170, true",
        "33150308370779000149550010001100931002410775, true",
        "3315 0308 3707 7900 0149 5500 1000 1100 9310 0241 0775, true",
        "33150308370779000149550010001100931002410776, false",
        "3315030837077900014955001000110093100241077, false",
        "331503083707790001495500100011009310024107750, false",
        // month 13, model 57 (CT-e): check digits recomputed so only the named field is wrong
        "33151308370779000149550010001100931002410778, false",
        "33150308370779000149570010001100931002410772, false",
        // an issuer with an alphanumeric CNPJ (Nota Técnica 2025.001), and the same in lowercase
        "351607 12ABC34501DE35 55 001 000000001 1 12345678 6, true",
        "351607 12abc34501de35 55 001 000000001 1 12345678 6, false",
        "'', false",
    })
    void nfeKeys(String key, boolean valid) {
        assertThat(BrazilianIds.isNfeKey(key)).isEqualTo(valid);
    }

    @Test
    void nfeCheckDigitOfPublishedKeys() {
        assertThat(BrazilianIds.nfeCheckDigit("1318101792142700012565001000000030988725117"))
                .isZero();
        assertThat(BrazilianIds.nfeCheckDigit("3315030837077900014955001000110093100241077"))
                .isEqualTo(5);
    }

    @Test
    void nullIsNoIdentifier() {
        assertThat(BrazilianIds.isTrackingCode(null)).isFalse();
        assertThat(BrazilianIds.isCpf(null)).isFalse();
        assertThat(BrazilianIds.isCnpj(null)).isFalse();
        assertThat(BrazilianIds.isCpfOrCnpj(null)).isFalse();
        assertThat(BrazilianIds.isCep(null)).isFalse();
        assertThat(BrazilianIds.isNfeKey(null)).isFalse();
        assertThat(BrazilianIds.digitsOnly(null)).isNull();
        assertThat(BrazilianIds.normalize(null)).isNull();
    }

    @Test
    void helpersStripOnlyFormattingCharacters() {
        assertThat(BrazilianIds.digitsOnly(" 529.982.247-25\t")).isEqualTo("52998224725");
        assertThat(BrazilianIds.digitsOnly("12.abc.345/01de-35")).isEqualTo("12abc34501de35");
        assertThat(BrazilianIds.digitsOnly("CPF: 529")).isEqualTo("CPF:529");
        assertThat(BrazilianIds.normalize("12.abc.345/01de-35")).isEqualTo("12ABC34501DE35");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4602094", "460209411", "4602094A", "4602-0941"})
    void trackingCheckDigitRefusesAnythingButEightDigits(String serial) {
        assertThatThrownBy(() -> BrazilianIds.trackingCheckDigit(serial))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 8 digits, got '" + serial + "'");
    }

    @Test
    void checkDigitFunctionsRefuseMalformedInput() {
        assertThatThrownBy(() -> BrazilianIds.cnpjCheckDigits("12.ABC.345/01DE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 12 characters [0-9A-Z], got '12.ABC.345/01DE'");
        assertThatThrownBy(() -> BrazilianIds.cnpjCheckDigits("12abc34501de"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrazilianIds.cpfCheckDigits(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 9 digits, got 'null'");
        assertThatThrownBy(() -> BrazilianIds.nfeCheckDigit("33150308370779000149550010001100931002410775"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
