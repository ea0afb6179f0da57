package br.dev.sync.core.config;

import static br.dev.sync.core.config.SyncConfigurationTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.dev.sync.core.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncConfigurationFilesTest {
    private static final Path SAMPLES = Path.of("src/test/resources/config");

    private static ConfigurationException refusedFile(String name) {
        return catchThrowableOfType(ConfigurationException.class, () -> SyncConfiguration.load(SAMPLES.resolve(name)));
    }

    private static ConfigurationException refusedYaml(String yaml) {
        return catchThrowableOfType(
                ConfigurationException.class, () -> SyncConfiguration.fromYaml(new StringReader(yaml)));
    }

    @Test
    void thePropertiesAndYamlSamplesLoadIntoEqualConfigurations() {
        SyncConfiguration fromProperties = SyncConfiguration.load(SAMPLES.resolve("sync.properties"));
        SyncConfiguration fromYaml = SyncConfiguration.load(SAMPLES.resolve("sync.yaml"));

        assertThat(fromProperties)
                .isEqualTo(fromYaml)
                .isEqualTo(SyncConfigurationTest.sample().build());
    }

    @Test
    void propertiesAndReadersLoadTheSameAsFiles() throws IOException {
        Properties properties = new Properties();
        try (Reader r = Files.newBufferedReader(SAMPLES.resolve("sync.properties"))) {
            properties.load(r);
        }
        try (Reader yaml = Files.newBufferedReader(SAMPLES.resolve("sync.yaml"))) {
            assertThat(SyncConfiguration.fromYaml(yaml)).isEqualTo(SyncConfiguration.fromProperties(properties));
        }
    }

    @Test
    void aFileWithManyProblemsIsRefusedOnceListingEachWithItsLine() {
        ConfigurationException e = refusedFile("many-problems.yaml");

        assertThat(e.violations())
                .containsExactly(
                        "credentials.pasword: unknown key (line 27)",
                        "destination.name: must not be blank (value '') (line 5)",
                        "destination.url: must be an http(s):// or jdbc: URL (value 'ftp://loja01') (line 6)",
                        "fiscal.nfce: must be a whole number ('two') (line 21)",
                        "fiscal.nfceContingency: must be greater than or equal to 0 (value '-1') (line 23)",
                        "fiscal.nfe: must be less than or equal to 999 (value '1000') (line 20)",
                        "fiscal.nfeContigency: unknown key, did you mean fiscal.nfeContingency? (line 22)",
                        "fiscal.nfeContingency: must be set",
                        "frequency.automatic: must be true or false ('maybe') (line 8)",
                        "frequency.receive: must be minutes or an ISO-8601 duration such as PT1H30M ('2 hours')"
                                + " (line 10)",
                        "frequency.send: must be between 1 minute and 24 hours (was PT0S) (line 9)",
                        "mapping: rules for streams that are not listed in streams: [sales]",
                        "mapping[products].columns[id].<map value>: must be an identifier"
                                + " (letters, digits, _; not starting with a digit; at most 63) (value 'cod prod')"
                                + " (line 16)",
                        "mapping[products].table: must be an identifier or schema.table"
                                + " (letters, digits, _; not starting with a digit; at most 63) (value '1produtos')"
                                + " (line 14)",
                        "origin.url: must be an http(s):// URL; only the destination may be jdbc: (line 3)",
                        "streams: each stream may be listed once; listed again: [products] (line 11)",
                        "streams[3].<list element>: must be a stream name (letters, digits, _ or -)"
                                + " (value 'bad name') (line 11)");
        assertThat(e).hasMessageStartingWith("configuration file " + SAMPLES.resolve("many-problems.yaml") + " is not");
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void aContingencySeriesEqualToTheNormalOneIsRefusedNamingBoth() {
        ConfigurationException e = refusedFile("contingency-clash.properties");

        assertThat(e.violations())
                .containsExactly(
                        "fiscal.nfceContingency: NFC-e contingency series (nfceContingency = 2)"
                                + " must differ from the normal NFC-e series (nfce = 2) (line 9)",
                        "fiscal.nfeContingency: NF-e contingency series (nfeContingency = 1)"
                                + " must differ from the normal NF-e series (nfe = 1) (line 8)");
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void aPropertiesFileReportsLinesAndKeysGivenTwiceAndMayBeLatin1(@TempDir Path dir) throws IOException {
        String text = Files.readString(SAMPLES.resolve("sync.properties"))
                        .replace("destination.name=Loja 01", "destination.name=Loja São João")
                + "# a comment\nfiscal.nfe=3\nfrequency.sned=7\nstreams=a,\\\n  fiscal.nfce=9\n";
        Path file = Files.write(dir.resolve("latin1.properties"), text.getBytes(StandardCharsets.ISO_8859_1));

        ConfigurationException e =
                catchThrowableOfType(ConfigurationException.class, () -> SyncConfiguration.load(file));

        assertThat(e.violations())
                .containsExactly(
                        "fiscal.nfe: given more than once (line 21)",
                        "frequency.sned: unknown key, did you mean frequency.send? (line 22)",
                        "mapping: rules for streams that are not listed in streams: [products, stock]",
                        "streams: given more than once (line 23)");
        Files.writeString(file, text.substring(0, text.indexOf("# a comment")), StandardCharsets.ISO_8859_1);
        assertThat(SyncConfiguration.load(file).destination().name()).isEqualTo("Loja São João");
    }

    @Test
    void anUnknownPropertiesKeyIsReportedWithASuggestionAndWithoutItsValue() {
        Properties p = new Properties();
        p.putAll(Map.of(
                "origin.name", "Matriz",
                "origin.url", "https://erp.example.com.br/api",
                "destination.name", "Loja 01",
                "destination.url", "https://loja01.example.com.br",
                "streams", "products",
                "fiscal.nfe", "1",
                "fiscal.nfce", "2",
                "fiscal.nfeContingency", "3",
                "fiscal.nfceContingency", "4",
                "credentials.user", "loja01"));
        p.put("credentials.secret", SECRET);
        p.put("credentials.secrte", SECRET);
        p.put("mapping.products.tabel", "produtos");

        ConfigurationException e =
                catchThrowableOfType(ConfigurationException.class, () -> SyncConfiguration.fromProperties(p));

        assertThat(e.violations())
                .containsExactly(
                        "credentials.secrte: unknown key, did you mean credentials.secret?",
                        "mapping.products.tabel: unknown key, did you mean mapping.products.table?");
        assertThat(e).hasMessageStartingWith("configuration properties is not valid");
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void malformedYamlNamesTheFileAndTheLine() {
        ConfigurationException e = refusedFile("malformed.yaml");

        assertThat(e.violations())
                .containsExactly(
                        "line 5, column 7: while parsing a flow sequence," + " expected ',' or ']', but got :");
        assertThat(e).hasMessageContaining("configuration file " + SAMPLES.resolve("malformed.yaml"));
    }

    @Test
    void malformedYamlDoesNotQuoteTheLineThatMayHoldTheSecret() {
        ConfigurationException e = refusedYaml("credentials:\n  user: loja01\n  secret: [" + SECRET + "\n  x: 1\n");

        assertThat(e.getMessage()).doesNotContain(SECRET).contains("line ");
    }

    @Test
    void aKeyGivenTwiceAndAListWhereNoneBelongsAreReported() {
        ConfigurationException e = refusedYaml("origin:\n  name: A\n  name: B\nfiscal:\n  nfe: [1, 2]\n");

        assertThat(e.violations())
                .contains(
                        "origin.name: given more than once (line 3)",
                        "fiscal.nfe: a list is not allowed here (line 5)");
    }

    @Test
    void anEmptyYamlDocumentReportsTheRequiredSettings() {
        ConfigurationException e = refusedYaml("");

        assertThat(e.violations())
                .containsExactly(
                        "credentials.secret: must not be blank",
                        "credentials.user: must not be blank",
                        "destination.name: must not be blank",
                        "destination.url: must not be blank",
                        "fiscal.nfce: must be set",
                        "fiscal.nfceContingency: must be set",
                        "fiscal.nfe: must be set",
                        "fiscal.nfeContingency: must be set",
                        "origin.name: must not be blank",
                        "origin.url: must not be blank",
                        "streams: must not be empty");
    }

    @Test
    void onlyPropertiesAndYamlFilesAreRead(@TempDir Path dir) throws IOException {
        Path json = Files.writeString(dir.resolve("sync.json"), "{}");

        assertThat(catchThrowableOfType(ConfigurationException.class, () -> SyncConfiguration.load(json))
                        .violations())
                .containsExactly("file: use a .properties, .yaml or .yml file");
        assertThat(catchThrowableOfType(
                                ConfigurationException.class, () -> SyncConfiguration.load(dir.resolve("missing.yml")))
                        .getMessage())
                .startsWith("configuration file " + dir.resolve("missing.yml") + " is not valid: file: cannot be read");
    }
}
