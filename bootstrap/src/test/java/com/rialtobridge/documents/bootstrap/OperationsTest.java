package com.rialtobridge.documents.bootstrap;

import static com.rialtobridge.documents.bootstrap.ProblemAssertions.JSON;
import static com.rialtobridge.documents.bootstrap.ProblemAssertions.assertProblem;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, metrics, the contract and the docs page of the assembled service, over HTTP, without an API key. */
class OperationsTest {

    @TempDir
    static Path dataDir;

    static TestService rialto;

    @BeforeAll
    static void start() throws Exception {
        rialto = TestService.start(dataDir, Map.of(ACME_PERSON, Map.of("a.pdf", "a", "b.pdf", "b")));
    }

    @AfterAll
    static void stop() {
        rialto.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return rialto.send(HttpRequest.newBuilder(URI.create(rialto.service.baseUri() + path)).GET());
    }

    @Test
    void liveAndReadyAnswerJsonWithoutAnApiKey() throws Exception {
        HttpResponse<String> live = get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(live.body()).path("status").asText()).isEqualTo("live");

        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(ready.body());
        assertThat(body.path("status").asText()).isEqualTo("ready");
        assertThat(body.path("checks").path("directory").asText()).isEqualTo("up");
        assertThat(body.path("checks").path("store").asText()).isEqualTo("up");
        // The embedded store shares this host's clock.
        assertThat(body.has("clockOffsetSeconds")).isFalse();
        assertThat(ready.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void metricsCountRequestsByStatusUrlsStoreCallsAndTheJvm() throws Exception {
        String keys = JSON.writeValueAsString(Map.of("keys", rialto.keysOf(ACME_PERSON).stream().map(k -> k.value()).toList()));
        assertThat(rialto.post(ACME_PERSON.value(), ACME_KEY, keys).statusCode()).isEqualTo(201);
        assertThat(rialto.post(ACME_PERSON.value(), "wrong", keys).statusCode()).isEqualTo(401);

        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain").contains("version=0.0.4");
        String text = metrics.body();
        String operation = "uri=\"/api/manager/v1/clients/{clientId}/documents/request-batch-download\"";
        assertThat(text)
                // requests by status, as a latency histogram, by path template (never by client id)
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*status=\"201\"[^}]*" + java.util.regex.Pattern.quote(operation) + "[^}]*le=\"\\+Inf\"\\} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\"[^}]*\\} [1-9]")
                .doesNotContain(ACME_PERSON.value())
                .containsPattern("rialto_urls_issued_total(\\{[^}]*\\})? [2-9]")
                .containsPattern("rialto_store_calls_seconds_count\\{kind=\"HeadObject\",outcome=\"found\"\\} [2-9]")
                .containsPattern("rialto_store_calls_seconds_count\\{kind=\"HeadBucket\",outcome=\"ok\"\\} [1-9]")
                .contains("rialto_existence_cache_total{result=\"hit\"}")
                .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_", "process_cpu_usage");
    }

    @Test
    void theContractIsServedAsPackagedWithoutAKey() throws Exception {
        HttpResponse<String> contract = get("/api/manager/v1/openapi.yaml");
        assertThat(contract.statusCode()).isEqualTo(200);
        assertThat(contract.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/yaml");
        try (var packaged = getClass().getResourceAsStream("/openapi/rialto-manager-api.yaml")) {
            assertThat(contract.body()).isEqualTo(new String(packaged.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void theDocsPageIsSwaggerUiFromTheWebjarOnOurContract() throws Exception {
        HttpResponse<String> redirect = get("/docs");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/docs/");

        HttpResponse<String> page = get("/docs/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui-bundle.js", "swagger-initializer.js");

        assertThat(get("/docs/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        HttpResponse<String> initializer = get("/docs/swagger-initializer.js");
        assertThat(initializer.body()).contains("/openapi.yaml", "requestInterceptor");

        assertProblem(get("/docs/../../etc/passwd"), 404, "not-found");
        assertProblem(get("/docs/pom.properties"), 404, "not-found");
    }

    @Test
    void theDocsPageCanBeSwitchedOff(@TempDir Path otherDir) throws Exception {
        TestService.writeDirectory(otherDir);
        try (RunningService service = RunningService.start(
                TestService.config(otherDir, Map.of(ConfigLoader.DOCS_ENABLED, "false")),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))) {
            HttpResponse<String> docs = rialto.send(HttpRequest.newBuilder(URI.create(service.baseUri() + "/docs/")).GET());
            assertProblem(docs, 404, "not-found");
        }
    }
}
