package br.dev.sync.portal.sandbox;

import br.dev.sync.core.validation.BrazilianIds;
import br.dev.sync.portal.internal.Wire;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Generates the sandbox's deterministic, realistic data: every identifier valid, from one seeded generator. */
final class Seeder {
    static final String[][] SERVICES = {
        {"03220", "SEDEX CONTRATO AGENCIA"},
        {"03298", "PAC CONTRATO AGENCIA"},
        {"03158", "SEDEX 10"},
        {"04227", "MINI ENVIOS"},
        {"04162", "SEDEX CONTRATO"},
        {"04669", "PAC CONTRATO"},
        {"03140", "SEDEX 12"},
        {"04014", "SEDEX A VISTA"}
    };
    static final String[][] ROUTINGS = {
        {"SPO", "SAO PAULO"},
        {"PSC", "PRESIDENTE PRUDENTE"},
        {"BPR", "BAURU"},
        {"CID", "CIDADE"},
        {"RJO", "RIO DE JANEIRO"},
        {"BHE", "BELO HORIZONTE"}
    };
    private static final String[] NAMES = {
        "Ana Souza",
        "Bruno Lima",
        "Carla Dias",
        "Diego Alves",
        "Elisa Rocha",
        "Fabio Nunes",
        "Gabriela Reis",
        "Heitor Pires",
        "Isabela Melo",
        "Joao Teixeira",
        "Larissa Cunha",
        "Marcos Vieira"
    };
    private static final String[] CITIES = {"Sao Paulo", "Campinas", "Santos", "Bauru", "Sorocaba", "Marilia"};
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final Random random;
    private final SandboxOptions options;
    private final LocalDateTime base;

    Seeder(SandboxOptions options) {
        this.options = options;
        this.random = new Random(options.seed());
        this.base = options.firstDay().atTime(7, 0);
    }

    void seed(Consumer<Object> put) {
        List<String> clients = new ArrayList<>();
        for (String[] s : SERVICES) {
            put.accept(new Wire.Servico(s[0], s[1], true, base));
        }
        for (String[] r : ROUTINGS) {
            String from = cep();
            put.accept(new Wire.Amarracao(r[0], r[1], from, cep(), base));
        }
        for (int i = 1; i <= options.clients(); i++) {
            String id = String.format("C%05d", i);
            clients.add(id);
            String taxId = i % 3 == 0 ? cpf() : i % 7 == 0 ? alphanumericCnpj() : cnpj();
            put.accept(new Wire.Cliente(
                    id, "CLIENTE " + id, taxId, digits(10), "99" + digits(8), cep(), i % 17 != 0, time()));
            put.accept(new Wire.Departamento("D" + id.substring(1), id, "EXPEDICAO " + id, time()));
            put.accept(new Wire.GrupoFaturamento("G" + id.substring(1), id, "MENSAL " + id, 1 + i % 28, time()));
            if (i % 4 == 0) {
                put.accept(new Wire.Usuario(
                        "user" + i, NAMES[i % NAMES.length], "user" + i + "@cliente.com.br", cpf(), id, true, time()));
            }
            if (i % 2 == 0) {
                String serial = digits(6);
                String first = "SS" + tracking(serial + "00");
                String last = "SS" + tracking(serial + "99");
                int used = random.nextInt(100);
                put.accept(new Wire.Etiquetas(
                        "E" + id.substring(1),
                        id,
                        SERVICES[i % SERVICES.length][0],
                        first,
                        last,
                        used,
                        100 - used,
                        time()));
            }
            put.accept(new Wire.LancamentoFinanceiro(
                    "F" + id.substring(1), id, i % 5 == 0 ? "PAGAR" : "RECEBER", day(), money(), i % 3 == 0, time()));
        }
        for (int i = 1; i <= options.outposts(); i++) {
            put.accept(new Wire.Posto(String.format("%04d", i), "POSTO AVANCADO " + i, cnpj(), true, base));
        }
        for (int i = 1; i <= Math.max(10, options.prePostings() / 10); i++) {
            put.accept(new Wire.OrdemServico(
                    String.format("OS%06d", i),
                    pick(clients),
                    day(),
                    i % 9 == 0 ? "FECHADA" : "ABERTA",
                    "ORDEM " + i,
                    money(),
                    time()));
        }
        for (int i = 0; i < options.prePostings(); i++) {
            put.accept(prePosting(i, pick(clients)));
        }
    }

    private Wire.PrePostagem prePosting(int i, String client) {
        LocalDate created = day();
        String service = SERVICES[random.nextInt(4)][0];
        String prefix = "" + LETTERS.charAt(random.nextInt(26)) + LETTERS.charAt(random.nextInt(26));
        String code = prefix + tracking(String.format("%08d", i + 10_000_000L * random.nextInt(9)));
        int kind = i % 3;
        return new Wire.PrePostagem(
                code,
                service,
                client,
                String.valueOf(100 + random.nextInt(30_000)),
                String.valueOf(1 + random.nextInt(3)),
                String.valueOf(2 + random.nextInt(60)),
                String.valueOf(11 + random.nextInt(50)),
                String.valueOf(16 + random.nextInt(80)),
                "0",
                kind == 0 ? digits(9) : null,
                kind == 1 ? nfeKey(created) : null,
                kind == 2 ? List.of(new Wire.ItemDeclaracao("LIVROS", 1 + random.nextInt(5), money())) : List.of(),
                random.nextInt(4) == 0 ? List.of("001") : List.of(),
                null,
                person(),
                person(),
                1 + random.nextInt(3),
                created,
                created.atTime(8, 0).plusSeconds(random.nextInt(36_000)));
    }

    private Wire.Pessoa person() {
        String name = NAMES[random.nextInt(NAMES.length)];
        String taxId = random.nextInt(4) == 0 ? cnpj() : cpf();
        return new Wire.Pessoa(
                name,
                "11",
                "3" + digits(7),
                "11",
                "9" + digits(8),
                name.toLowerCase().replace(' ', '.') + "@exemplo.com.br",
                taxId,
                new Wire.Endereco(
                        cep(),
                        "Rua " + (1 + random.nextInt(900)),
                        String.valueOf(1 + random.nextInt(2000)),
                        null,
                        "Centro",
                        CITIES[random.nextInt(CITIES.length)],
                        "SP"));
    }

    /** A time inside the seeded period, to the second: collisions happen, as on the real portal. */
    private LocalDateTime time() {
        return base.plusSeconds(random.nextInt(options.days() * 36_000));
    }

    private LocalDate day() {
        return options.firstDay().plusDays(random.nextInt(options.days()));
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private BigDecimal money() {
        return BigDecimal.valueOf(500 + random.nextInt(50_000), 2);
    }

    String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    String cep() {
        return (char) ('1' + random.nextInt(9)) + digits(7);
    }

    /** Eight digits, their check digit and "BR"; the caller adds the two-letter prefix. */
    static String tracking(String eightDigits) {
        return eightDigits + BrazilianIds.trackingCheckDigit(eightDigits) + "BR";
    }

    String cpf() {
        String nine = (char) ('1' + random.nextInt(9)) + digits(8);
        return nine + BrazilianIds.cpfCheckDigits(nine);
    }

    String cnpj() {
        String twelve = (char) ('1' + random.nextInt(9)) + digits(7) + "0001";
        return twelve + BrazilianIds.cnpjCheckDigits(twelve);
    }

    String alphanumericCnpj() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(random.nextBoolean() ? LETTERS.charAt(random.nextInt(26)) : (char) ('0' + random.nextInt(10)));
        }
        String twelve = b + "0001";
        return twelve + BrazilianIds.cnpjCheckDigits(twelve);
    }

    String nfeKey(LocalDate day) {
        String body = "35" + String.format("%02d%02d", day.getYear() % 100, day.getMonthValue()) + cnpj() + "55" + "001"
                + digits(9) + "1" + digits(8);
        return body + BrazilianIds.nfeCheckDigit(body);
    }
}
