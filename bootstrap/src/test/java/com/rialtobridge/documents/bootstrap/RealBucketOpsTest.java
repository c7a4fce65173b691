package com.rialtobridge.documents.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.rialtobridge.documents.bootstrap.ProblemAssertions.JSON;
import static com.rialtobridge.documents.bootstrap.ProblemAssertions.assertProblem;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The service configured for a real bucket (credentials from the SDK's default chain) on a store
 * that misbehaves on purpose: a bucket that refuses HeadBucket with a clock three minutes ahead, one
 * document that exists and one whose HeadObject fails with 500.
 */
class RealBucketOpsTest {

    private static final String BUCKET = "rialto-test-bucket";
    private static final String ACCESS_KEY = "AKIAOPSTESTEXAMPLE42";
    private static final String SECRET_KEY = "opsTestSecretKeyThatMustNeverBeLogged0000";
    private static final String FOUND = "rialto-clients/individuals/" + ACME_PERSON.value()
            + "/0c2b6f7e-8b3a-4a52-9a7e-3c2d1e0f9a11_found.pdf";
    private static final String FAILING = "rialto-clients/individuals/" + ACME_PERSON.value()
            + "/5d1e2c3b-4a59-4687-8b9c-0d1e2f3a4b5c_failing.pdf";

    @TempDir
    static Path dataDir;

    static WireMockServer store;
    static RunningService service;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        store = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        store.start();
        String threeMinutesAhead = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(3));
        store.stubFor(head(urlPathMatching("/" + BUCKET + "/?"))
                .willReturn(aResponse().withStatus(403).withHeader("Date", threeMinutesAhead)));
        store.stubFor(head(urlPathEqualTo("/" + BUCKET + "/" + FOUND))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Length", "0")));
        store.stubFor(head(urlPathEqualTo("/" + BUCKET + "/" + FAILING)).willReturn(aResponse().withStatus(500)));

        // The SDK's default chain reads these first; in production it is environment, profile, IRSA or a role.
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        TestService.writeDirectory(dataDir);
        service = RunningService.start(TestService.config(dataDir, Map.of(
                ConfigLoader.S3_BUCKET, BUCKET,
                ConfigLoader.S3_ENDPOINT, "http://127.0.0.1:" + store.port(),
                ConfigLoader.REQUEST_TIMEOUT, "3s")), new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        store.stop();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String apiKey, String requestId, String key) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(service.baseUri() + "/api/manager/v1/clients/" + ACME_PERSON.value()
                        + "/documents/request-batch-download"))
                .header("Content-Type", "application/json")
                .header("RIALTO_API_KEY", apiKey)
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"keys\":[\"" + key + "\"]}")));
    }

    @Test
    void aBucketThatRefusesMakesTheInstanceNotReadyAndTheClockOffsetIsReported() throws Exception {
        HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create(service.baseUri() + "/health/ready"))
                .header("X-Request-Id", "lb-probe-1"));
        JsonNode body = assertProblem(ready, 503, "not-ready");
        assertThat(body.path("detail").asText()).contains("store: access to bucket '" + BUCKET + "' is denied (403)");
        assertThat(body.path("checks").path("store").asText()).isEqualTo("down");
        assertThat(body.path("checks").path("directory").asText()).isEqualTo("up");
        assertThat(body.path("clockOffsetSeconds").asLong()).isBetween(170L, 190L);
        assertThat(body.path("warning").asText()).contains("behind the store's");

        // Liveness does not depend on the store: restarting the process would not fix the bucket.
        assertThat(send(HttpRequest.newBuilder(URI.create(service.baseUri() + "/health/live"))).statusCode()).isEqualTo(200);
    }

    @Test
    void withARealBucketTheDocsPageIsOffUnlessEnabled() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(URI.create(service.baseUri() + "/docs/"))), 404, "not-found");
        assertThat(TestService.config(dataDir, Map.of(ConfigLoader.S3_BUCKET, BUCKET)).docsEnabled()).isFalse();
        assertThat(TestService.config(dataDir, Map.of(ConfigLoader.S3_BUCKET, BUCKET, ConfigLoader.DOCS_ENABLED, "true"))
                .docsEnabled()).isTrue();
    }

    @Test
    void noLogLineOfAFullRequestCycleHoldsAKeyOrASignatureAndEveryLineHasTheRequestId() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        String signature;
        String wrongKey = "rk_wrongKeyThatSomeoneTyped0123456789abcdefgh";
        System.setOut(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> created = post(ACME_KEY, "cycle-201", FOUND);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String url = JSON.readTree(created.body()).path("preSignedUrls").get(0).path("preSignedUrl").asText();
            Matcher m = Pattern.compile("X-Amz-Signature=([0-9a-f]{64})").matcher(url);
            assertThat(m.find()).isTrue();
            signature = m.group(1);

            assertProblem(post(ACME_KEY, "cycle-500", FAILING), 500, "store-unavailable");
            assertProblem(post(wrongKey, "cycle-401", FOUND), 401, "unauthorized");
            // What a careless library might one day log: the whole answer and the request's headers.
            LoggerFactory.getLogger("some.library").warn("response {} headers {RIALTO_API_KEY: {}}",
                    URLDecoder.decode(created.body(), StandardCharsets.UTF_8), ACME_KEY);

            // JSON lines for production, same request ids, same masking.
            LogFormat.JSON.apply();
            assertProblem(post(ACME_KEY, "cycle-json", FAILING), 500, "store-unavailable");
            LoggerFactory.getLogger("some.library").warn("url {}", url);
        } finally {
            LogFormat.TEXT.apply();
            System.setOut(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).doesNotContain(ACME_KEY, wrongKey, signature, ACCESS_KEY, SECRET_KEY);
        assertThat(log).contains("X-Amz-Signature=****", "RIALTO_API_KEY: ****");
        List<String> textLines = new ArrayList<>();
        List<JsonNode> jsonLines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("{")) {
                jsonLines.add(JSON.readTree(line));
            } else if (!line.isBlank()) {
                textLines.add(line);
            }
        }
        // The 500: the cause on an ERROR line, logged on the thread that completed the store call, with its id.
        assertThat(textLines).anySatisfy(line -> assertThat(line).contains("ERROR [cycle-500]", "HeadObject"));
        assertThat(textLines).anySatisfy(line -> assertThat(line).contains("[cycle-500] rialto.audit", "status=500"));
        assertThat(textLines).anySatisfy(line -> assertThat(line).contains("[cycle-201] rialto.audit", "status=201"));
        assertThat(textLines).anySatisfy(line -> assertThat(line).contains("[cycle-401] rialto.audit", "status=401"));
        assertThat(textLines).filteredOn(line -> line.contains("rialto.audit") || line.contains("ERROR"))
                .allSatisfy(line -> assertThat(line).containsPattern("\\[cycle-\\d{3}\\]"));

        assertThat(jsonLines).filteredOn(line -> line.path("mdc").path("requestId").asText().equals("cycle-json"))
                .extracting(line -> line.path("level").asText())
                .contains("ERROR", "INFO");
        assertThat(jsonLines).allSatisfy(line -> {
            assertThat(line.has("timestamp")).isTrue();
            assertThat(line.has("loggerName")).isTrue();
            assertThat(line.has("formattedMessage")).isTrue();
        });
    }

    /** Writes to the console as before and into the capture. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
            second.flush();
        }
    }
}
