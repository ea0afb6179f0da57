package br.dev.sync.portal.internal;

import br.dev.sync.core.RecordRejectedException;
import br.dev.sync.portal.model.Address;
import br.dev.sync.portal.model.BillingGroup;
import br.dev.sync.portal.model.Client;
import br.dev.sync.portal.model.ContentItem;
import br.dev.sync.portal.model.CounterSale;
import br.dev.sync.portal.model.Department;
import br.dev.sync.portal.model.FinancialEntry;
import br.dev.sync.portal.model.Invoice;
import br.dev.sync.portal.model.LabelRange;
import br.dev.sync.portal.model.Outpost;
import br.dev.sync.portal.model.Party;
import br.dev.sync.portal.model.PostalService;
import br.dev.sync.portal.model.PrePosting;
import br.dev.sync.portal.model.ProcessedObject;
import br.dev.sync.portal.model.RemoteSale;
import br.dev.sync.portal.model.Routing;
import br.dev.sync.portal.model.ServiceOrder;
import br.dev.sync.portal.model.User;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Maps the wire forms to the domain records and back. Weights and sizes travel as strings; a string that is not
 * a number rejects the record (it is quarantined with the field and value). Update times travel as São Paulo
 * local date-times (UTC-3 all year since 2019).
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface WireMapper {
    WireMapper INSTANCE = Mappers.getMapper(WireMapper.class);

    /** The offset of the portal's local times. */
    ZoneOffset PORTAL_OFFSET = ZoneOffset.ofHours(-3);

    @Mapping(target = "trackingCode", source = "codigoObjeto")
    @Mapping(target = "serviceCode", source = "codigoServico")
    @Mapping(target = "clientId", source = "idCliente")
    @Mapping(target = "weightGrams", source = "pesoInformado", qualifiedByName = "grams")
    @Mapping(target = "format", source = "codigoFormatoObjetoInformado", qualifiedByName = "format")
    @Mapping(target = "heightCm", source = "alturaInformada", qualifiedByName = "cm")
    @Mapping(target = "widthCm", source = "larguraInformada", qualifiedByName = "cm")
    @Mapping(target = "lengthCm", source = "comprimentoInformado", qualifiedByName = "cm")
    @Mapping(target = "diameterCm", source = "diametroInformado", qualifiedByName = "cm")
    @Mapping(target = "invoiceNumber", source = "numeroNotaFiscal")
    @Mapping(target = "nfeKey", source = "chaveNFe")
    @Mapping(target = "contentItems", source = "itensDeclaracaoConteudo")
    @Mapping(target = "additionalServices", source = "listaServicoAdicional")
    @Mapping(target = "note", source = "observacao")
    @Mapping(target = "sender", source = "remetente")
    @Mapping(target = "recipient", source = "destinatario")
    @Mapping(target = "createdOn", source = "dataCriacao")
    @Mapping(target = "updatedAt", source = "atualizadoEm")
    PrePosting prePosting(Wire.PrePostagem wire);

    @Mapping(target = "name", source = "nome")
    @Mapping(target = "phoneArea", source = "dddTelefone")
    @Mapping(target = "phone", source = "telefone")
    @Mapping(target = "mobileArea", source = "dddCelular")
    @Mapping(target = "mobile", source = "celular")
    @Mapping(target = "taxId", source = "cpfCnpj")
    @Mapping(target = "address", source = "endereco")
    Party party(Wire.Pessoa wire);

    @Mapping(target = "street", source = "logradouro")
    @Mapping(target = "number", source = "numero")
    @Mapping(target = "complement", source = "complemento")
    @Mapping(target = "district", source = "bairro")
    @Mapping(target = "city", source = "cidade")
    @Mapping(target = "state", source = "uf")
    Address address(Wire.Endereco wire);

    @Mapping(target = "content", source = "conteudo")
    @Mapping(target = "quantity", source = "quantidade")
    @Mapping(target = "value", source = "valor")
    ContentItem contentItem(Wire.ItemDeclaracao wire);

    @Mapping(target = "clientId", source = "idCliente")
    @Mapping(target = "openedOn", source = "dataAbertura")
    @Mapping(target = "status", source = "situacao")
    @Mapping(target = "description", source = "descricao")
    @Mapping(target = "total", source = "valorTotal")
    @Mapping(target = "updatedAt", source = "atualizadoEm")
    ServiceOrder serviceOrder(Wire.OrdemServico wire);

    @Mapping(target = "code", source = "codigo")
    @Mapping(target = "name", source = "nome")
    @Mapping(target = "active", source = "ativo")
    @Mapping(target = "updatedAt", source = "atualizadoEm")
    PostalService postalService(Wire.Servico wire);

    @Mapping(target = "name", source = "nome")
    @Mapping(target = "taxId", source = "cpfCnpj")
    @Mapping(target = "postingCard", source = "cartaoPostagem")
    @Mapping(target = "contract", source = "contrato")
    @Mapping(target = "active", source = "ativo")
    @Mapping(target = "updatedAt", source = "atualizadoEm")
    Client client(Wire.Cliente wire);

    @Mapping(target = "clientId", source = "idCliente")
    @Mapping(target = "name", source = "nome")
    @Mapping(target = "updatedAt", source = "atualizadoEm")
    Department department(Wire.Departamento wire);

    @Mapping(target = "name", source = "nome")
    @Mapping(target = "clientId", source = "idCliente")
    @Mapping(target = "active", source = "ativo")
    @Mapping(target = "updatedAt", source = "atualizadoEm")
    User user(Wire.Usuario wire);

    @Mapping(target = "clientId", source = "idCliente")
    @Mapping(target = "name", source = "nome")
    @Mapping(target = "closingDay", source = "diaFechamento")
    @Mapping(target = "updatedAt", source = "atualizadoEm")
    BillingGroup billingGroup(Wire.GrupoFaturamento wire);

    @Mapping(target = "clientId", source = "idCliente")
    @Mapping(target = "serviceCode", source = "codigoServico")
    @Mapping(target = "first", source = "etiquetaInicial")
    @Mapping(target = "last", source = "etiquetaFinal")
    @Mapping(target = "used", source = "utilizadas")
    @Mapping(target = "remaining", source = "restantes")
    @Mapping(target = "updatedAt", source = "atualizadoEm")
    LabelRange labelRange(Wire.Etiquetas wire);

    @Mapping(target = "code", source = "codigo")
    @Mapping(target = "name", source = "nome")
    @Mapping(target = "cepFrom", source = "cepInicial")
    @Mapping(target = "cepTo", source = "cepFinal")
    @Mapping(target = "updatedAt", source = "atualizadoEm")
    Routing routing(Wire.Amarracao wire);

    @Mapping(target = "clientId", source = "idCliente")
    @Mapping(target = "kind", source = "tipo")
    @Mapping(target = "dueOn", source = "vencimento")
    @Mapping(target = "amount", source = "valor")
    @Mapping(target = "paid", source = "pago")
    @Mapping(target = "updatedAt", source = "atualizadoEm")
    FinancialEntry financialEntry(Wire.LancamentoFinanceiro wire);

    @Mapping(target = "code", source = "codigo")
    @Mapping(target = "name", source = "nome")
    @Mapping(target = "active", source = "ativo")
    @Mapping(target = "updatedAt", source = "atualizadoEm")
    Outpost outpost(Wire.Posto wire);

    @Mapping(target = "outpost", source = "posto")
    @Mapping(target = "saleId", source = "idVenda")
    @Mapping(target = "date", source = "data")
    @Mapping(target = "clientId", source = "idCliente")
    @Mapping(target = "trackingCode", source = "codigoObjeto")
    @Mapping(target = "serviceCode", source = "codigoServico")
    @Mapping(target = "weightGrams", source = "peso", qualifiedByName = "grams")
    @Mapping(target = "value", source = "valor")
    @Mapping(target = "updatedAt", source = "atualizadoEm")
    RemoteSale remoteSale(Wire.VendaRemota wire);

    @Mapping(target = "posto", source = "outpost")
    @Mapping(target = "idVenda", source = "saleId")
    @Mapping(target = "data", source = "date")
    @Mapping(target = "idCliente", source = "clientId")
    @Mapping(target = "codigoObjeto", source = "trackingCode")
    @Mapping(target = "codigoServico", source = "serviceCode")
    @Mapping(target = "peso", source = "weightGrams")
    @Mapping(target = "valor", source = "value")
    @Mapping(target = "atualizadoEm", source = "updatedAt")
    Wire.VendaRemota vendaRemota(RemoteSale sale);

    @Mapping(target = "data", source = "date")
    @Mapping(target = "idCliente", source = "clientId")
    @Mapping(target = "codigoObjeto", source = "trackingCode")
    @Mapping(target = "codigoServico", source = "serviceCode")
    @Mapping(target = "peso", source = "weightGrams")
    @Mapping(target = "valor", source = "value")
    @Mapping(target = "atualizadoEm", source = "updatedAt")
    Wire.VendaBalcao vendaBalcao(CounterSale sale);

    @Mapping(target = "date", source = "data")
    @Mapping(target = "clientId", source = "idCliente")
    @Mapping(target = "trackingCode", source = "codigoObjeto")
    @Mapping(target = "serviceCode", source = "codigoServico")
    @Mapping(target = "weightGrams", source = "peso", qualifiedByName = "grams")
    @Mapping(target = "value", source = "valor")
    @Mapping(target = "updatedAt", source = "atualizadoEm")
    CounterSale counterSale(Wire.VendaBalcao wire);

    @Mapping(target = "codigoObjeto", source = "trackingCode")
    @Mapping(target = "codigoServico", source = "serviceCode")
    @Mapping(target = "idCliente", source = "clientId")
    @Mapping(target = "peso", source = "weightGrams")
    @Mapping(target = "valor", source = "value")
    @Mapping(target = "dataPostagem", source = "postedOn")
    @Mapping(target = "atualizadoEm", source = "updatedAt")
    Wire.ObjetoProcessado objetoProcessado(ProcessedObject object);

    @Mapping(target = "numero", source = "number")
    @Mapping(target = "idCliente", source = "clientId")
    @Mapping(target = "idGrupoFaturamento", source = "billingGroupId")
    @Mapping(target = "dataEmissao", source = "issuedOn")
    @Mapping(target = "valorTotal", source = "total")
    @Mapping(target = "atualizadoEm", source = "updatedAt")
    Wire.Fatura fatura(Invoice invoice);

    default Instant instant(LocalDateTime local) {
        return local == null ? null : local.toInstant(PORTAL_OFFSET);
    }

    default LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, PORTAL_OFFSET);
    }

    @Named("grams")
    default int grams(String value) {
        return number(value, "peso", 0);
    }

    @Named("format")
    default int format(String value) {
        return number(value, "codigoFormatoObjetoInformado", 0);
    }

    @Named("cm")
    default Integer cm(String value) {
        return value == null || value.isBlank() ? null : number(value, "medida", 0);
    }

    private static int number(String value, String field, int whenAbsent) {
        if (value == null || value.isBlank()) {
            return whenAbsent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new RecordRejectedException(
                    "field '" + field + "' value '" + abbreviate(value) + "' is not a number");
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
