package br.dev.sync.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.portal.PortalStreams;
import br.dev.sync.portal.model.PrePosting;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class RecordsTest {
    @Test
    void aRecordComesBackFromItsStoredFieldsWithNestedJsonAndLocalTimestamps() throws Exception {
        String raw = """
                {"codigoObjeto":"SS460209415BR","codigoServico":"03220","idCliente":"C00001","pesoInformado":"350",
                 "codigoFormatoObjetoInformado":"2","numeroNotaFiscal":"1","status":1,"dataCriacao":"2026-11-18",
                 "atualizadoEm":"2026-11-18T09:00:00.250","listaServicoAdicional":["001"],
                 "remetente":{"nome":"Ana Souza","cpfCnpj":"52998224725","endereco":{"cep":"01310100",
                   "logradouro":"Av Paulista","cidade":"Sao Paulo","uf":"SP"}},
                 "destinatario":{"nome":"Bruno Lima","cpfCnpj":"12.ABC.345/01DE-35","endereco":{"cep":"13010000",
                   "logradouro":"Rua Um","cidade":"Campinas","uf":"SP"}}}""";
        PrePosting p = PortalStreams.PRE_POSTINGS.decode(raw);
        var fields = new LinkedHashMap<>(PortalStreams.PRE_POSTINGS.fieldsOf(p));
        assertThat(fields.get("sender")).isInstanceOf(String.class);
        fields.put("updatedAt", LocalDateTime.ofInstant(p.updatedAt(), ZoneId.systemDefault()));

        assertThat(Records.read(fields, PrePosting.class)).isEqualTo(p);
    }
}
