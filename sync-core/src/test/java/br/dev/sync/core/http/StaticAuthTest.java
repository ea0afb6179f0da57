package br.dev.sync.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StaticAuthTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void sends_basic_credentials_on_every_call() {
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(Stubs.PAGE_JSON)));
        TestApi api = HttpToolkit.client(
                TestApi.class,
                Stubs.settings(wm.baseUrl()).auth(Auth.basic("ana", "p4ssw0rd")).build());

        api.list(0);
        api.list(1);

        String expected =
                "Basic " + Base64.getEncoder().encodeToString("ana:p4ssw0rd".getBytes(StandardCharsets.UTF_8));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/items")).withHeader("Authorization", equalTo(expected)));
    }

    @Test
    void sends_the_api_key_in_its_header_with_user_agent_and_json_accept() {
        wm.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(Stubs.PAGE_JSON)));
        TestApi api = HttpToolkit.client(
                TestApi.class,
                Stubs.settings(wm.baseUrl())
                        .auth(Auth.apiKey("X-Api-Key", "key-{with}-braces-123"))
                        .userAgent("agf-0042/1.0")
                        .build());

        assertThat(api.list(0).items()).hasSize(2);

        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/items"))
                        .withHeader("X-Api-Key", equalTo("key-{with}-braces-123"))
                        .withHeader("User-Agent", equalTo("agf-0042/1.0"))
                        .withHeader("Accept", equalTo("application/json")));
    }
}
