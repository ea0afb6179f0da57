package br.dev.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.Window;
import br.dev.sync.core.jdbc.JdbcSyncStore;
import br.dev.sync.core.jdbc.StreamTable;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.TestDatabase;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Portal Postal scenarios on the JDBC store on H2, every stream in its default Portal Postal table. */
class H2PortalTest extends PortalScenarios {
    @RegisterExtension
    static final TestDatabase DB = TestDatabase.h2();

    private static final AtomicInteger NODES = new AtomicInteger();

    @Override
    protected SyncStore newStore(String node) {
        int n = NODES.incrementAndGet();
        return PortalTables.withPrefix("p" + n + "_")
                .store(JdbcSyncStore.builder(DB.dataSource()).tablePrefix("s" + n + "_"), DB.dataSource());
    }

    @Test
    void aHostPointsTheClientsStreamAtItsOwnTable() throws SQLException {
        DB.execute("CREATE TABLE erp_clientes (codigo VARCHAR(20) PRIMARY KEY, versao BIGINT NOT NULL,"
                + " nome VARCHAR(80), documento VARCHAR(20), observacao VARCHAR(100) DEFAULT 'do ERP')");
        PortalTables tables = PortalTables.withPrefix("host_");
        tables.migrate(DB.dataSource());
        JdbcSyncStore.Builder builder = JdbcSyncStore.builder(DB.dataSource()).tablePrefix("host_s_");
        tables.mappings().stream().filter(m -> !m.stream().equals("clients")).forEach(builder::stream);
        builder.stream(StreamTable.stream("clients")
                .table("erp_clientes")
                .key("codigo")
                .version("versao")
                .column("name", "nome")
                .column("taxId", "documento")
                .ignoreUnmappedFields()
                .build());
        try (PortalSandbox sandbox =
                        PortalSandbox.start(SandboxOptions.defaults().withPrePostings(10));
                SyncEngine engine = SyncEngine.builder()
                        .node("agency-0042")
                        .store(builder.build())
                        .build()) {
            engine.run(PortalPostal.connect(Sandboxes.config(sandbox)).full(Window.day(D)))
                    .throwIfFailed();
        }

        try (Connection c = DB.dataSource().getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*), MIN(nome), MIN(observacao) FROM erp_clientes")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(200);
            assertThat(rs.getString(2)).isEqualTo("CLIENTE C00001");
            assertThat(rs.getString(3)).isEqualTo("do ERP");
        }
    }
}
