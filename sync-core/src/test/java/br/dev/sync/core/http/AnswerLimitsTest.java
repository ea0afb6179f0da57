package br.dev.sync.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.dev.sync.core.RetryableSyncException;
import br.dev.sync.core.TransportException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnswerLimitsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true))
            .build();

    private TestApi api(HttpSettings.Builder settings) {
        return HttpToolkit.client(TestApi.class, settings.build());
    }

    @Test
    void asks_for_gzip_and_decodes_a_gzip_answer() {
        wm.stubFor(get(urlPathEqualTo("/items"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Content-Encoding", "gzip")
                        .withBody(Stubs.gzip(Stubs.PAGE_JSON))));

        TestApi.Page page = api(Stubs.settings(wm.baseUrl())).list(0);

        assertThat(page.items()).extracting(TestApi.Item::id).containsExactly("1", "2");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/items")).withHeader("Accept-Encoding", containing("gzip")));
    }

    @Test
    void does_not_ask_for_gzip_when_turned_off() {
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(Stubs.PAGE_JSON)));

        TestApi.Page page = api(Stubs.settings(wm.baseUrl()).gzip(false)).list(0);

        assertThat(page.items()).hasSize(2);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/items")).withHeader("Accept-Encoding", absent()));
    }

    @Test
    void refuses_an_answer_larger_than_the_limit_without_retrying() {
        String big = "{\"items\":[],\"pad\":\"" + "x".repeat(5000) + "\"}";
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(big)));

        TransportException e = catchThrowableOfType(
                TransportException.class,
                () -> api(Stubs.settings(wm.baseUrl()).maxResponseBytes(1024)).list(0));

        assertThat(e).isNotInstanceOf(RetryableSyncException.class);
        assertThat(e.getMessage()).contains("larger than the limit of 1024 bytes", "maxResponseBytes", "GET /items");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void refuses_a_gzip_answer_that_inflates_past_the_limit() {
        String big = "{\"items\":[],\"pad\":\"" + "x".repeat(50_000) + "\"}";
        wm.stubFor(get(urlPathEqualTo("/items"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Encoding", "gzip")
                        .withBody(Stubs.gzip(big))));

        TransportException e = catchThrowableOfType(
                TransportException.class,
                () -> api(Stubs.settings(wm.baseUrl()).maxResponseBytes(4096)).list(0));

        assertThat(e.getMessage()).contains("larger than the limit of 4096 bytes");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void refuses_json_nested_deeper_than_the_limit_with_a_clear_error() {
        String deep = "{\"a\":".repeat(10) + "1" + "}".repeat(10);
        wm.stubFor(get(urlPathEqualTo("/anything")).willReturn(okJson(deep)));

        TransportException e = catchThrowableOfType(
                TransportException.class,
                () -> api(Stubs.settings(wm.baseUrl()).maxJsonNestingDepth(5)).anything());

        assertThat(e).isNotInstanceOf(RetryableSyncException.class);
        assertThat(e.getMessage()).contains("GET /anything", "could not be read", "nesting depth");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/anything")));
    }

    @Test
    void accepts_json_nested_within_the_limit() {
        String nested = "{\"a\":".repeat(4) + "1" + "}".repeat(4);
        wm.stubFor(get(urlPathEqualTo("/anything")).willReturn(okJson(nested)));

        var answer = api(Stubs.settings(wm.baseUrl()).maxJsonNestingDepth(5)).anything();

        assertThat(answer).containsOnlyKeys("a");
    }

    @Test
    void reports_broken_json_as_a_non_retryable_error() {
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("{\"items\":[{\"id\":")));

        TransportException e = catchThrowableOfType(
                TransportException.class,
                () -> api(Stubs.settings(wm.baseUrl())).list(0));

        assertThat(e).isNotInstanceOf(RetryableSyncException.class);
        assertThat(e.getMessage()).contains("could not be read", "GET /items");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/items")));
    }
}
