package br.dev.sync.portal.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The wire forms of the Portal Postal contract ({@code docs/contracts/portal-postal.yaml}): Portuguese field names,
 * sizes and weights as strings as the Correios send them, update times as local São Paulo date-times.
 */
public final class Wire {
    private Wire() {}

    // ---- records

    public record Endereco(
            String cep,
            String logradouro,
            String numero,
            String complemento,
            String bairro,
            String cidade,
            String uf) {}

    public record Pessoa(
            String nome,
            String dddTelefone,
            String telefone,
            String dddCelular,
            String celular,
            String email,
            String cpfCnpj,
            Endereco endereco) {}

    public record ItemDeclaracao(String conteudo, int quantidade, BigDecimal valor) {}

    public record PrePostagem(
            String codigoObjeto,
            String codigoServico,
            String idCliente,
            String pesoInformado,
            String codigoFormatoObjetoInformado,
            String alturaInformada,
            String larguraInformada,
            String comprimentoInformado,
            String diametroInformado,
            String numeroNotaFiscal,
            String chaveNFe,
            List<ItemDeclaracao> itensDeclaracaoConteudo,
            List<String> listaServicoAdicional,
            String observacao,
            Pessoa remetente,
            Pessoa destinatario,
            int status,
            LocalDate dataCriacao,
            LocalDateTime atualizadoEm) {}

    public record OrdemServico(
            String id,
            String idCliente,
            LocalDate dataAbertura,
            String situacao,
            String descricao,
            BigDecimal valorTotal,
            LocalDateTime atualizadoEm) {}

    public record Servico(String codigo, String nome, boolean ativo, LocalDateTime atualizadoEm) {}

    public record Cliente(
            String id,
            String nome,
            String cpfCnpj,
            String cartaoPostagem,
            String contrato,
            String cep,
            boolean ativo,
            LocalDateTime atualizadoEm) {}

    public record Departamento(String id, String idCliente, String nome, LocalDateTime atualizadoEm) {}

    public record Usuario(
            String login,
            String nome,
            String email,
            String cpf,
            String idCliente,
            boolean ativo,
            LocalDateTime atualizadoEm) {}

    public record GrupoFaturamento(
            String id, String idCliente, String nome, int diaFechamento, LocalDateTime atualizadoEm) {}

    public record Etiquetas(
            String id,
            String idCliente,
            String codigoServico,
            String etiquetaInicial,
            String etiquetaFinal,
            int utilizadas,
            int restantes,
            LocalDateTime atualizadoEm) {}

    public record Amarracao(
            String codigo, String nome, String cepInicial, String cepFinal, LocalDateTime atualizadoEm) {}

    public record LancamentoFinanceiro(
            String id,
            String idCliente,
            String tipo,
            LocalDate vencimento,
            BigDecimal valor,
            boolean pago,
            LocalDateTime atualizadoEm) {}

    public record Posto(String codigo, String nome, String cnpj, boolean ativo, LocalDateTime atualizadoEm) {}

    public record VendaBalcao(
            String id,
            LocalDate data,
            String idCliente,
            String codigoObjeto,
            String codigoServico,
            String peso,
            BigDecimal valor,
            LocalDateTime atualizadoEm) {}

    public record VendaRemota(
            String posto,
            String idVenda,
            LocalDate data,
            String idCliente,
            String codigoObjeto,
            String codigoServico,
            String peso,
            BigDecimal valor,
            LocalDateTime atualizadoEm) {}

    public record ObjetoProcessado(
            String codigoObjeto,
            String codigoServico,
            String idCliente,
            String peso,
            BigDecimal valor,
            LocalDate dataPostagem,
            LocalDateTime atualizadoEm) {}

    public record Fatura(
            String numero,
            String idCliente,
            String idGrupoFaturamento,
            LocalDate dataEmissao,
            BigDecimal valorTotal,
            LocalDateTime atualizadoEm) {}

    // ---- envelopes

    public record LoginRequest(String login, String senha, String agencia) {}

    /** The token answer; {@code expiraEm} is local time with the separate {@code zoneOffset}, as the Correios do. */
    public record LoginResponse(String token, LocalDateTime emissao, LocalDateTime expiraEm, String zoneOffset) {}

    /** Where the next page starts: after the record updated at {@code alteradoDesde} with id {@code aposId}. */
    public record Proximo(LocalDateTime alteradoDesde, String aposId) {}

    public record Pagina(int limite, int quantidade, long total, boolean temMais, Proximo proximo) {}

    /**
     * A page of a list; each record stays its JSON text exactly as sent, so that one malformed record is quarantined
     * alone and as it came.
     */
    @JsonDeserialize(using = RawPage.class)
    public record Lista(List<String> itens, Pagina pagina) {}

    public record ItemLote(long sequencia, JsonNode dados) {}

    /** An upload: a batch with a stable id; {@code data}, {@code cliente}, {@code posto} say whose it is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lote(String lote, LocalDate data, String cliente, String posto, List<ItemLote> itens) {}

    /** The result of one uploaded record: ACEITO, DUPLICADO or REJEITADO with {@code erro}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resultado(long sequencia, String situacao, String erro) {}

    /** The server's confirmation of a movement upload for one client. */
    public record Confirmacao(
            String protocolo, String cliente, LocalDate data, int quantidade, BigDecimal valorTotal) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResultadoLote(String lote, List<Resultado> resultados, Confirmacao confirmacao) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fechamento(String posto, LocalDate data, int quantidade, LocalDateTime fechadoEm) {}

    public record Fechamentos(List<Fechamento> itens) {}

    public record Erro(List<String> msgs, LocalDateTime date, String excecao, String causa, String path) {}
}
