package br.dev.sync.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.schedule.SyncIntervals;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncConfigurationTest {
    static final String SECRET = "Sup3r-S3cret!";

    /** The settings of the sample files in {@code src/test/resources/config}. */
    static SyncConfiguration.Builder sample() {
        return SyncConfiguration.builder()
                .origin("Matriz", "https://erp.example.com.br/api")
                .destination("Loja 01", "jdbc:postgresql://localhost:5432/loja01")
                .frequency(true, Duration.ofMinutes(5), Duration.ofMinutes(10))
                .streams("products", "stock", "clients")
                .mapping(
                        "products",
                        new MappingRule("erp.produtos", Map.of("id", "codprod", "description", "descricao")))
                .mapping("stock", MappingRule.table("estoque"))
                .fiscal(1, 2, 900, 901)
                .credentials("loja01", SECRET);
    }

    private static ConfigurationException refused(SyncConfiguration.Builder builder) {
        return catchThrowableOfType(ConfigurationException.class, builder::build);
    }

    @Test
    void aValidConfigurationKeepsEverySetting() {
        SyncConfiguration c = sample().build();

        assertThat(c.origin()).isEqualTo(new Endpoint("Matriz", "https://erp.example.com.br/api"));
        assertThat(c.destination().isJdbc()).isTrue();
        assertThat(c.frequency().intervals())
                .isEqualTo(new SyncIntervals(Duration.ofMinutes(5), Duration.ofMinutes(10)));
        assertThat(c.streams()).containsExactly("products", "stock", "clients");
        assertThat(c.mapping().get("products").columns()).containsEntry("id", "codprod");
        assertThat(c.fiscal()).isEqualTo(new FiscalSeries(1, 2, 900, 901));
        assertThat(c).isEqualTo(sample().build()).hasSameHashCodeAs(sample().build());
    }

    @Test
    void frequencyDefaultsToAutomaticEveryFiveMinutesEachWay() {
        SyncConfiguration c = sample().frequency(Frequency.DEFAULT).build();

        assertThat(c.frequency()).isEqualTo(new Frequency(true, Duration.ofMinutes(5), Duration.ofMinutes(5)));
        assertThat(c.frequency().intervals()).isEqualTo(SyncIntervals.DEFAULT);
    }

    @Test
    void anEmptyBuilderReportsEveryRequiredSettingAtOnce() {
        ConfigurationException e = refused(SyncConfiguration.builder());

        assertThat(e.violations())
                .containsExactly(
                        "credentials: must not be null",
                        "destination: must not be null",
                        "fiscal: must not be null",
                        "origin: must not be null",
                        "streams: must not be empty");
        assertThat(e).hasMessageStartingWith("sync configuration is not valid: credentials: must not be null; ");
    }

    @Test
    void aContingencySeriesEqualToTheNormalOneIsRefusedNamingBoth() {
        ConfigurationException e = refused(sample().fiscal(7, 65, 7, 900));

        assertThat(e.violations())
                .containsExactly("fiscal.nfeContingency: NF-e contingency series (nfeContingency = 7)"
                        + " must differ from the normal NF-e series (nfe = 7)");
    }

    @Test
    void seriesOutsideZeroTo999AreRefused() {
        ConfigurationException e = refused(sample().fiscal(-1, 1000, 999, 0));

        assertThat(e.violations())
                .containsExactly(
                        "fiscal.nfce: must be less than or equal to 999 (value '1000')",
                        "fiscal.nfe: must be greater than or equal to 0 (value '-1')");
    }

    @Test
    void theSecretNeverAppearsInToStringNorInMessages() {
        SyncConfiguration c = sample().build();
        ConfigurationException e = refused(sample().origin("", "ftp://matriz").credentials(" ", SECRET));

        assertThat(c.toString()).doesNotContain(SECRET).contains("user=loja01", "secret=****");
        assertThat(c.credentials().toString()).isEqualTo("Credentials[user=loja01, secret=****]");
        assertThat(e.getMessage()).contains("credentials.user").doesNotContain(SECRET);
        assertThat(refused(sample().credentials("loja01", "   ")).getMessage())
                .isEqualTo("sync configuration is not valid: credentials.secret: must not be blank");
    }

    @Test
    void theOriginMustBeAWebAddressTheDestinationMayBeADatabase() {
        ConfigurationException e = refused(sample().origin("Matriz", "jdbc:h2:mem:matriz"));

        assertThat(e.violations())
                .containsExactly("origin.url: must be an http(s):// URL; only the destination may be jdbc:");
    }

    @Test
    void streamsAreListedOnceAndMappingRulesNameListedStreams() {
        ConfigurationException e = refused(
                sample().streams("products", "stock", "products").mapping("sales", MappingRule.table("vendas")));

        assertThat(e.violations())
                .containsExactly(
                        "mapping: rules for streams that are not listed in streams: [sales]",
                        "streams: each stream may be listed once; listed again: [products]");
    }

    @Test
    void tableAndColumnNamesMustBeSqlIdentifiers() {
        String longest = "t".repeat(63);
        assertThat(sample().mapping("stock", MappingRule.table("erp." + longest))
                        .build()
                        .mapping())
                .containsKey("stock");

        ConfigurationException e =
                refused(sample().mapping("stock", new MappingRule("a.b.c", Map.of("qty", "x;drop"))));

        assertThat(e.violations())
                .containsExactly(
                        "mapping[stock].columns[qty].<map value>: must be an identifier"
                                + " (letters, digits, _; not starting with a digit; at most 63) (value 'x;drop')",
                        "mapping[stock].table: must be an identifier or schema.table"
                                + " (letters, digits, _; not starting with a digit; at most 63) (value 'a.b.c')");
        assertThat(refused(sample().mapping("stock", MappingRule.table(longest + "t")))
                        .violations())
                .hasSize(1);
    }

    /** Names from a file must not be evaluated as message expressions. */
    @Test
    void streamNamesInMessagesAreNotInterpolated() {
        ConfigurationException e = refused(sample().streams("${7*7}", "${7*7}"));

        assertThat(e.getMessage()).contains("listed again: [${7*7}]").doesNotContain("49");
    }
}
