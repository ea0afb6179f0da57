package br.dev.sync.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.RecordRejectedException;
import br.dev.sync.portal.model.RemoteSale;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireMapperTest {
    private final WireMapper mapper = WireMapper.INSTANCE;

    private static Wire.PrePostagem wire(String weight) {
        Wire.Endereco address =
                new Wire.Endereco("01310100", "Av Paulista", "1000", null, "Bela Vista", "Sao Paulo", "SP");
        Wire.Pessoa person = new Wire.Pessoa("Ana Souza", "11", "32221111", null, null, null, "52998224725", address);
        return new Wire.PrePostagem(
                "SS460209415BR",
                "03220",
                "C00001",
                weight,
                "2",
                "10",
                "15",
                "",
                null,
                "123",
                null,
                List.of(new Wire.ItemDeclaracao("LIVROS", 2, new BigDecimal("30.00"))),
                List.of("001"),
                null,
                person,
                person,
                2,
                LocalDate.of(2026, 11, 21),
                LocalDateTime.of(2026, 11, 21, 9, 30));
    }

    @Test
    void weightsAndSizesTravelAsStringsAndTimesAsSaoPauloLocalTimes() {
        var p = mapper.prePosting(wire("350"));

        assertThat(p.weightGrams()).isEqualTo(350);
        assertThat(p.heightCm()).isEqualTo(10);
        assertThat(p.lengthCm()).isNull();
        assertThat(p.updatedAt()).isEqualTo(Instant.parse("2026-11-21T12:30:00Z"));
        assertThat(p.sender().address().city()).isEqualTo("Sao Paulo");
        assertThat(p.contentItems()).singleElement().extracting(c -> c.value()).isEqualTo(new BigDecimal("30.00"));
        assertThat(p.state().code()).isEqualTo(2);
    }

    @Test
    void aWeightThatIsNotANumberRejectsTheRecordNamingFieldAndValue() {
        assertThatThrownBy(() -> mapper.prePosting(wire("12kg")))
                .isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("peso")
                .hasMessageContaining("12kg");
    }

    @Test
    void aRemoteSaleGoesUpAndComesBackTheSame() {
        RemoteSale sale = new RemoteSale(
                "0002",
                "V9",
                LocalDate.of(2026, 11, 21),
                "C00001",
                "SS460209415BR",
                "03220",
                300,
                new BigDecimal("22.00"),
                Instant.parse("2026-11-21T15:00:00Z"));

        Wire.VendaRemota wire = mapper.vendaRemota(sale);

        assertThat(wire.peso()).isEqualTo("300");
        assertThat(wire.atualizadoEm()).isEqualTo(LocalDateTime.of(2026, 11, 21, 12, 0));
        assertThat(mapper.remoteSale(wire)).isEqualTo(sale);
        assertThat(sale.key()).isEqualTo("0002/V9");
    }
}
