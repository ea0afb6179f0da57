package br.dev.sync.portal;

import br.dev.sync.core.Change;
import br.dev.sync.core.Direction;
import br.dev.sync.core.SyncStream;
import br.dev.sync.portal.internal.Wire;
import br.dev.sync.portal.internal.WireMapper;
import br.dev.sync.portal.model.BdfEntry;
import br.dev.sync.portal.model.BillingGroup;
import br.dev.sync.portal.model.CaEntry;
import br.dev.sync.portal.model.Client;
import br.dev.sync.portal.model.CounterSale;
import br.dev.sync.portal.model.Department;
import br.dev.sync.portal.model.FinancialEntry;
import br.dev.sync.portal.model.Invoice;
import br.dev.sync.portal.model.LabelRange;
import br.dev.sync.portal.model.Outpost;
import br.dev.sync.portal.model.PortalRecord;
import br.dev.sync.portal.model.PostalService;
import br.dev.sync.portal.model.PrePosting;
import br.dev.sync.portal.model.ProcessedObject;
import br.dev.sync.portal.model.RemoteSale;
import br.dev.sync.portal.model.Routing;
import br.dev.sync.portal.model.ServiceOrder;
import br.dev.sync.portal.model.User;
import java.util.List;

/**
 * The Portal Postal streams: each with its record type, key, version (the portal's update time in epoch
 * milliseconds), validation and the mapping from the portal's wire form. Pulled streams take the portal's word
 * on conflicts; pushed streams (processed objects, invoices, remote sales of an outpost) go up from the outbox.
 *
 * <p>Immutable and thread-safe.
 */
public final class PortalStreams {
    private static final WireMapper M = WireMapper.INSTANCE;

    public static final SyncStream<PrePosting> PRE_POSTINGS = SyncStream.of("pre-postings", PrePosting.class)
            .key(PrePosting::trackingCode)
            .version(PrePosting::version)
            .wire(Wire.PrePostagem.class, M::prePosting)
            .build();

    public static final SyncStream<ServiceOrder> SERVICE_ORDERS = SyncStream.of("service-orders", ServiceOrder.class)
            .key(ServiceOrder::id)
            .version(ServiceOrder::version)
            .wire(Wire.OrdemServico.class, M::serviceOrder)
            .build();

    public static final SyncStream<PostalService> POSTAL_SERVICES = SyncStream.of(
                    "postal-services", PostalService.class)
            .key(PostalService::code)
            .version(PostalService::version)
            .wire(Wire.Servico.class, M::postalService)
            .build();

    public static final SyncStream<Client> CLIENTS = SyncStream.of("clients", Client.class)
            .key(Client::id)
            .version(Client::version)
            .wire(Wire.Cliente.class, M::client)
            .build();

    public static final SyncStream<Department> DEPARTMENTS = SyncStream.of("departments", Department.class)
            .key(Department::id)
            .version(Department::version)
            .wire(Wire.Departamento.class, M::department)
            .build();

    public static final SyncStream<User> USERS = SyncStream.of("users", User.class)
            .key(User::login)
            .version(User::version)
            .wire(Wire.Usuario.class, M::user)
            .build();

    public static final SyncStream<BillingGroup> BILLING_GROUPS = SyncStream.of("billing-groups", BillingGroup.class)
            .key(BillingGroup::id)
            .version(BillingGroup::version)
            .wire(Wire.GrupoFaturamento.class, M::billingGroup)
            .build();

    public static final SyncStream<LabelRange> LABEL_RANGES = SyncStream.of("label-ranges", LabelRange.class)
            .key(LabelRange::id)
            .version(LabelRange::version)
            .wire(Wire.Etiquetas.class, M::labelRange)
            .build();

    public static final SyncStream<Routing> ROUTINGS = SyncStream.of("routings", Routing.class)
            .key(Routing::code)
            .version(Routing::version)
            .wire(Wire.Amarracao.class, M::routing)
            .build();

    public static final SyncStream<FinancialEntry> FINANCIAL_ENTRIES = SyncStream.of(
                    "financial-entries", FinancialEntry.class)
            .key(FinancialEntry::id)
            .version(FinancialEntry::version)
            .wire(Wire.LancamentoFinanceiro.class, M::financialEntry)
            .build();

    public static final SyncStream<Outpost> OUTPOSTS = SyncStream.of("outposts", Outpost.class)
            .key(Outpost::code)
            .version(Outpost::version)
            .wire(Wire.Posto.class, M::outpost)
            .build();

    /** Remote sales: pushed by an outpost, pulled per outpost by the head office; key "outpost/sale id". */
    public static final SyncStream<RemoteSale> REMOTE_SALES = SyncStream.of("remote-sales", RemoteSale.class)
            .key(RemoteSale::key)
            .version(RemoteSale::version)
            .direction(Direction.BOTH)
            .wire(Wire.VendaRemota.class, M::remoteSale)
            .build();

    /** Counter sales, made locally and exported per day and client by {@link PortalPostal#exportMovement}. */
    public static final SyncStream<CounterSale> COUNTER_SALES = SyncStream.of("counter-sales", CounterSale.class)
            .key(CounterSale::id)
            .version(CounterSale::version)
            .direction(Direction.PUSH)
            .wire(Wire.VendaBalcao.class, M::counterSale)
            .build();

    public static final SyncStream<ProcessedObject> PROCESSED_OBJECTS = SyncStream.of(
                    "processed-objects", ProcessedObject.class)
            .key(ProcessedObject::trackingCode)
            .version(ProcessedObject::version)
            .direction(Direction.PUSH)
            .build();

    public static final SyncStream<Invoice> INVOICES = SyncStream.of("invoices", Invoice.class)
            .key(Invoice::number)
            .version(Invoice::version)
            .direction(Direction.PUSH)
            .build();

    /** Lines of the BDF (Balancete Diário de Faturamento) imported from SARA; key "day/line". */
    public static final SyncStream<BdfEntry> BDF_ENTRIES = SyncStream.of("bdf-entries", BdfEntry.class)
            .key(BdfEntry::key)
            .version(BdfEntry::version)
            .direction(Direction.PUSH)
            .build();

    /** Lines of the C.A. (Correios Atende) data imported with the BDF; key "day/protocol". */
    public static final SyncStream<CaEntry> CA_ENTRIES = SyncStream.of("ca-entries", CaEntry.class)
            .key(CaEntry::key)
            .version(CaEntry::version)
            .direction(Direction.PUSH)
            .build();

    /** Every stream above, pulled master data first. */
    public static final List<SyncStream<?>> ALL = List.of(
            CLIENTS,
            DEPARTMENTS,
            USERS,
            BILLING_GROUPS,
            LABEL_RANGES,
            ROUTINGS,
            FINANCIAL_ENTRIES,
            OUTPOSTS,
            SERVICE_ORDERS,
            POSTAL_SERVICES,
            PRE_POSTINGS,
            REMOTE_SALES,
            COUNTER_SALES,
            PROCESSED_OBJECTS,
            INVOICES,
            BDF_ENTRIES,
            CA_ENTRIES);

    private PortalStreams() {}

    /** A local upsert of a record, to apply to the store or append to the outbox. */
    public static <T extends PortalRecord> Change change(SyncStream<T> stream, T record, String origin) {
        return Change.upsert(stream.name(), stream.keyOf(record), record.version(), stream.fieldsOf(record), origin);
    }
}
