package com.rialtobridge.documents.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends requests to the running service and holds both sides of every exchange against the
 * contract: the request before it is sent (unless the test's point is an invalid request, in which
 * case the contract must reject it), and the answer after.
 */
final class Exchanges {

    static final ContractValidator CONTRACT = ContractValidator.load();
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUri;

    Exchanges(URI baseUri) {
        this.baseUri = baseUri;
    }

    URI operation(String clientId) {
        return URI.create(baseUri + "/api/manager/v1/clients/" + clientId + "/documents/request-batch-download");
    }

    /** A request the contract allows; its answer must be one the contract documents. */
    HttpResponse<String> post(String clientId, String apiKey, String body) throws Exception {
        return send(clientId, headers(apiKey, "application/json"), body, true);
    }

    /** A request the contract itself forbids (the validator must say so); its answer must still be documented. */
    HttpResponse<String> postInvalid(String clientId, String apiKey, String contentType, String body) throws Exception {
        return send(clientId, headers(apiKey, contentType), body, false);
    }

    private HttpResponse<String> send(String clientId, Map<String, List<String>> headers, String body, boolean valid)
            throws Exception {
        URI uri = operation(clientId);
        List<String> requestViolations = CONTRACT.checkRequest("POST", uri, headers, body);
        if (valid) {
            assertThat(requestViolations).as("the test's own request must be valid against the contract").isEmpty();
        } else {
            assertThat(requestViolations).as("this request is meant to break the contract").isNotEmpty();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertDocumented(response);
        return response;
    }

    /** The answer is one the contract documents for its request. */
    static void assertDocumented(HttpResponse<String> response) {
        HttpRequest request = response.request();
        assertThat(CONTRACT.checkResponse(request.method(), request.uri(), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body()))
                .as("answer %s %s", response.statusCode(), response.body())
                .isEmpty();
    }

    /** The contract gives errors no schema; the service's policy is RFC 9457 problem+json with the request id. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("urn:rialto-documents:problem:" + type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("requestId").asText()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        return body;
    }

    private static Map<String, List<String>> headers(String apiKey, String contentType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        if (apiKey != null) {
            headers.put("RIALTO_API_KEY", List.of(apiKey));
        }
        return headers;
    }
}
