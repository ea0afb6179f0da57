package br.dev.sync.portal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TableTest {
    private static final LocalDate MON = LocalDate.parse("2026-11-16");
    private static final LocalDate TUE = MON.plusDays(1);
    private static final LocalDate WED = MON.plusDays(2);

    private final Table sales = new Table("vendas-remotas", "idVenda", "data");

    private static ObjectNode sale(String outpost, String id, LocalDate day, int minute) {
        ObjectNode json = SandboxState.JSON.createObjectNode();
        json.put("posto", outpost);
        json.put("idVenda", id);
        json.put("data", day.toString());
        json.put("atualizadoEm", day.atTime(10, minute).toString());
        return json;
    }

    @Test
    void countsFollowPutsThatAddRowsInEveryWindowAndOutpost() {
        sales.put(sale("P1", "1", MON, 0));
        sales.put(sale("P2", "1", MON, 1));
        assertThat(sales.count(MON, MON, null)).isEqualTo(2);
        assertThat(sales.count(MON, MON, "P1")).isEqualTo(1);
        assertThat(sales.count(TUE, WED, null)).isZero();
        assertThat(sales.count(null, null, null)).isEqualTo(2);

        sales.put(sale("P1", "2", TUE, 2));

        assertThat(sales.count(MON, MON, null)).isEqualTo(2);
        assertThat(sales.count(MON, TUE, "P1")).isEqualTo(2);
        assertThat(sales.count(TUE, WED, null)).isEqualTo(1);
        assertThat(sales.count(TUE, WED, "P2")).isZero();
        assertThat(sales.count(null, null, null)).isEqualTo(3);
        assertThat(sales.count(null, null, "P1")).isEqualTo(2);
    }

    @Test
    void countsFollowPutsThatReplaceARowAndMoveItToAnotherWindow() {
        sales.put(sale("P1", "1", MON, 0));
        sales.put(sale("P1", "2", MON, 1));
        assertThat(sales.count(MON, MON, "P1")).isEqualTo(2);
        assertThat(sales.count(WED, WED, "P1")).isZero();

        sales.put(sale("P1", "2", MON, 5));

        assertThat(sales.size()).isEqualTo(2);
        assertThat(sales.count(MON, MON, "P1")).isEqualTo(2);
        assertThat(sales.count(null, null, null)).isEqualTo(2);

        sales.put(sale("P1", "2", WED, 6));

        assertThat(sales.size()).isEqualTo(2);
        assertThat(sales.count(MON, MON, "P1")).isEqualTo(1);
        assertThat(sales.count(WED, WED, "P1")).isEqualTo(1);
        assertThat(sales.count(MON, WED, null)).isEqualTo(2);
        assertThat(sales.count(WED, WED, "P2")).isZero();
    }

    @Test
    void countsOfAnUndatedResourceFollowPutsByOutpost() {
        Table services = new Table("servicos", "codigo", null);
        ObjectNode a = SandboxState.JSON.createObjectNode().put("codigo", "03220");
        a.put("atualizadoEm", MON.atTime(9, 0).toString());
        services.put(a);
        assertThat(services.count(MON, TUE, null)).isEqualTo(1);
        assertThat(services.count(null, null, null)).isEqualTo(1);

        ObjectNode b = a.deepCopy().put("codigo", "03298");
        services.put(b);
        services.put(b.deepCopy().put("atualizadoEm", TUE.atTime(9, 0).toString()));

        assertThat(services.count(MON, TUE, null)).isEqualTo(2);
        assertThat(services.count(null, null, null)).isEqualTo(2);
        assertThat(services.count(null, null, "P1")).isZero();
    }

    @Test
    void countsAgreeWithTheRowsSelected() {
        for (int i = 0; i < 30; i++) {
            sales.put(sale("P" + (i % 3), String.valueOf(i % 20), MON.plusDays(i % 4), i));
            for (LocalDate from = MON; from.isBefore(MON.plusDays(4)); from = from.plusDays(1)) {
                for (String outpost : new String[] {null, "P0", "P1", "P2"}) {
                    assertThat(sales.count(from, WED, outpost))
                            .as("%s..%s %s after put %d", from, WED, outpost, i)
                            .isEqualTo(sales.select(from, WED, outpost).size());
                }
            }
        }
    }
}
