package com.rialtobridge.documents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;

/** What every error answer must be: problem+json with the request id, and nothing internal. */
final class ProblemAssertions {

    static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAssertions() {
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("urn:rialto-documents:problem:" + type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("detail").asText()).isNotBlank();
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(body.path("requestId").asText()).isEqualTo(requestId);
        assertThat(response.body()).doesNotContain("com.", "java.", "jakarta.", "Exception", "at org.", "<html");
        return body;
    }
}
