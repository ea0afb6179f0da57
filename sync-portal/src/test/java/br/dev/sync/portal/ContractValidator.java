package br.dev.sync.portal;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestListener;
import com.github.tomakehurst.wiremock.http.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A WireMock listener that checks every request the client sends and every answer it reads against
 * {@code docs/contracts/portal-postal.yaml}, so the contract and the code cannot drift.
 */
final class ContractValidator implements RequestListener {
    static final Path CONTRACT = Path.of("..", "docs", "contracts", "portal-postal.yaml");
    private final OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(
                    CONTRACT.toAbsolutePath().normalize().toUri().toString())
            .build();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> checked = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void requestReceived(Request request, Response response) {
        URI uri = URI.create(request.getUrl());
        SimpleRequest.Builder req =
                new SimpleRequest.Builder(request.getMethod().getName(), uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                req.withQueryParam(
                        URLDecoder.decode(pair.substring(0, eq < 0 ? pair.length() : eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        for (HttpHeader h : request.getHeaders().all()) {
            req.withHeader(h.key(), h.values());
        }
        if (request.getBody() != null && request.getBody().length > 0) {
            req.withBody(request.getBodyAsString());
        }
        SimpleResponse.Builder res = SimpleResponse.Builder.status(response.getStatus());
        for (HttpHeader h : response.getHeaders().all()) {
            res.withHeader(h.key(), h.values());
        }
        res.withBody(response.getBodyAsString());
        ValidationReport report = validator.validate(req.build(), res.build());
        String what = request.getMethod() + " " + uri.getRawPath() + " -> " + response.getStatus();
        checked.add(what);
        if (report.hasErrors()) {
            report.getMessages().forEach(m -> problems.add(what + ": " + m.getMessage()));
        }
    }

    List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    List<String> checked() {
        synchronized (checked) {
            return List.copyOf(checked);
        }
    }
}
