package br.dev.sync.portal.model;

import br.dev.sync.core.validation.NfeKey;
import br.dev.sync.core.validation.TrackingCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A pre-posting (PPN, Pré-Postagem Nacional): a shipment a customer registered online before bringing it to the
 * counter. Its key is the tracking code; its version the server's update time in epoch milliseconds.
 *
 * @param trackingCode codigoObjeto, UPU S10 with its check digit, e.g. SS123456785BR
 * @param serviceCode codigoServico, 5 digits, e.g. 03220 SEDEX
 * @param weightGrams pesoInformado, grams, 1 to 999,999
 * @param format codigoFormatoObjetoInformado: 1 envelope, 2 box or package, 3 cylinder
 * @param status 1 PREATENDIDO to 6 ESTORNADO, see {@link PrePostingStatus}
 */
public record PrePosting(
        @NotNull @TrackingCode String trackingCode,
        @NotNull @Pattern(regexp = "\\d{5}") String serviceCode,
        @NotBlank @Size(max = 20) String clientId,
        @Positive @Max(999_999) int weightGrams,
        @Min(1) @Max(3) int format,
        @Min(0) @Max(999) Integer heightCm,
        @Min(0) @Max(999) Integer widthCm,
        @Min(0) @Max(999) Integer lengthCm,
        @Min(0) @Max(999) Integer diameterCm,
        @Size(max = 12) String invoiceNumber,
        @NfeKey String nfeKey,
        List<@NotNull @Valid ContentItem> contentItems,
        List<@NotNull @Pattern(regexp = "\\d{3}") String> additionalServices,
        @Size(max = 50) String note,
        @NotNull @Valid Party sender,
        @NotNull @Valid Party recipient,
        @Min(1) @Max(6) int status,
        @NotNull LocalDate createdOn,
        @NotNull Instant updatedAt)
        implements PortalRecord {
    public PrePosting {
        contentItems = contentItems == null ? List.of() : List.copyOf(contentItems);
        additionalServices = additionalServices == null ? List.of() : List.copyOf(additionalServices);
    }

    /** One of the invoice number, the NF-e key or a content declaration is required. */
    @AssertTrue(message = "needs an invoice number, an NF-e key or a content declaration")
    public boolean isFiscalDocumentGiven() {
        return (invoiceNumber != null && !invoiceNumber.isBlank())
                || (nfeKey != null && !nfeKey.isBlank())
                || !contentItems.isEmpty();
    }

    /** The status as a name. */
    public PrePostingStatus state() {
        return PrePostingStatus.of(status);
    }
}
