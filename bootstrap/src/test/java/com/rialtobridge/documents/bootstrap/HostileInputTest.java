package com.rialtobridge.documents.bootstrap;

import static com.rialtobridge.documents.bootstrap.ProblemAssertions.JSON;
import static com.rialtobridge.documents.bootstrap.ProblemAssertions.assertProblem;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_COMPANY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.rialtobridge.documents.download.ContentDisposition;
import com.rialtobridge.documents.download.DocumentKey;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** What a caller with bad intentions can send, and what leaves the service in return. */
class HostileInputTest {

    static final int LIMIT = 64 * 1024;
    /** File names a key may carry: each must come back in Content-Disposition exactly as signed. */
    static final List<String> NASTY_NAMES = List.of(
            "quote\"d; name=evil.pdf", "back\\slash\\.pdf", "naïve – 東京 🚀.pdf", "%41%0D%0A percent.pdf",
            "semi;colon, comma=equals.pdf", "tab and 'single' quotes `tick`.pdf");

    @TempDir
    static Path dataDir;
    static TestService rialto;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        NASTY_NAMES.forEach(name -> files.put(name, "bytes of " + name));
        rialto = TestService.start(dataDir, TestService.defaultDirectory(),
                Map.of(ACME_PERSON, files, ACME_COMPANY, Map.of("plain.pdf", "plain")),
                Map.of(ConfigLoader.MAX_BODY_BYTES, String.valueOf(LIMIT)));
    }

    @AfterAll
    static void stop() {
        rialto.close();
    }

    private static HttpRequest.Builder operation(String clientId) {
        return HttpRequest.newBuilder(rialto.operation(clientId)).header("RIALTO_API_KEY", ACME_KEY)
                .header("Content-Type", "application/json");
    }

    @Test
    void untrustedFilenamesComeBackInContentDispositionExactlyAsIntended() throws Exception {
        List<DocumentKey> keys = rialto.keysOf(ACME_PERSON);
        HttpResponse<String> response = rialto.post(ACME_PERSON.value(), ACME_KEY,
                JSON.writeValueAsString(Map.of("keys", keys.stream().map(DocumentKey::value).toList())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode urls = JSON.readTree(response.body()).path("preSignedUrls");
        for (int i = 0; i < keys.size(); i++) {
            String name = NASTY_NAMES.get(i);
            assertThat(urls.get(i).path("filename").asText()).isEqualTo(name);
            HttpResponse<byte[]> download = rialto.http.send(
                    HttpRequest.newBuilder(URI.create(urls.get(i).path("preSignedUrl").asText())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("bytes of " + name);
            assertThat(download.headers().allValues("Content-Disposition"))
                    .containsExactly(ContentDisposition.attachment(name).headerValue());
        }
        // Spelled out once, so the test does not only agree with itself.
        assertThat(ContentDisposition.attachment(NASTY_NAMES.get(0)).headerValue())
                .isEqualTo("attachment; filename=\"quote_d; name=evil.pdf\"; filename*=UTF-8''quote%22d%3B%20name%3Devil.pdf");
        assertThat(ContentDisposition.attachment(NASTY_NAMES.get(1)).headerValue())
                .isEqualTo("attachment; filename=\"back_slash_.pdf\"; filename*=UTF-8''back%5Cslash%5C.pdf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n", "\r", "\u0000", "\u2028x\u0085"})
    void aKeyWithALineBreakOrControlCharacterIsRefused(String control) throws Exception {
        String key = "rialto-clients/individuals/" + ACME_PERSON + "/0b6f1e38-3a49-4e8a-9d59-6c4d5e2f1a0b_a" + control
                + "Content-Disposition: inline.pdf";
        HttpResponse<String> response = rialto.post(ACME_PERSON.value(), ACME_KEY, JSON.writeValueAsString(Map.of("keys", List.of(key))));
        // U+0085 (NEL) is a C1 control character: refused like CR and LF.
        assertProblem(response, 400, "invalid-request");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherDeclaredOrChunked() throws Exception {
        byte[] large = ("{\"keys\":[\"" + "a".repeat(LIMIT) + "\"]}").getBytes(StandardCharsets.UTF_8);
        JsonNode declared = assertProblem(rialto.send(operation(ACME_PERSON.value())
                .POST(HttpRequest.BodyPublishers.ofByteArray(large))), 400, "invalid-request");
        assertThat(declared.path("detail").asText()).contains("larger than " + LIMIT + " bytes");
        JsonNode chunked = assertProblem(rialto.send(operation(ACME_PERSON.value())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)))), 400, "invalid-request");
        assertThat(chunked.path("detail").asText()).contains("larger than " + LIMIT + " bytes");
        // Without a key the limit is not even looked at.
        assertProblem(rialto.send(HttpRequest.newBuilder(rialto.operation(ACME_PERSON.value()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(large))), 401, "unauthorized");
        // Exactly at the limit is read (and then refused for what it says, not for its size).
        String atLimit = "{\"keys\":[],\"pad\":\"" + "b".repeat(LIMIT - 20) + "\"}";
        assertThat(atLimit.length()).isEqualTo(LIMIT);
        assertThat(rialto.send(operation(ACME_PERSON.value())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(atLimit.getBytes(StandardCharsets.UTF_8)))))
                .statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nested", "nestedObjects", "hugeNumber", "bom", "invalidUtf8", "loneSurrogateBytes",
        "overlongUtf8", "duplicate", "utf16"})
    void malformedBodiesAre400Problems(String kind) throws Exception {
        byte[] body = switch (kind) {
            case "nested" -> ("{\"keys\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
            case "nestedObjects" -> ("{\"x\":".repeat(5000) + "1" + "}".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case "hugeNumber" -> ("{\"x\":" + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
            case "bom" -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8));
            case "invalidUtf8" -> concat("{\"keys\":[\"a".getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xC3, (byte) 0x28}, "\"]}".getBytes(StandardCharsets.UTF_8));
            case "loneSurrogateBytes" -> concat("{\"keys\":[\"rialto-clients/individuals/x/".getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"]}".getBytes(StandardCharsets.UTF_8));
            case "overlongUtf8" -> concat("{\"keys\":[\"a".getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"]}".getBytes(StandardCharsets.UTF_8));
            case "duplicate" -> "{\"keys\":[],\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
            default -> "{\"keys\":[]}".getBytes(StandardCharsets.UTF_16);
        };
        assertProblem(rialto.send(operation(ACME_PERSON.value()).POST(HttpRequest.BodyPublishers.ofByteArray(body))),
                400, "invalid-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "%2F", "..", "%2E%2E", ".", "a%00b", "a%0D%0Ab", "%E2%80%AE", "a;b", "%FF",
        "91e5bd3c-0e13-4e6e-a673-3c0842b7f370%2F..%2F5b0e7a52-6c2e-4d4e-9f7e-3f1c2b8a9d10"})
    void aStrangeClientIdIsA4xxProblemNeverA500(String clientId) throws Exception {
        HttpResponse<String> response = rawPost("/api/manager/v1/clients/" + clientId + "/documents/request-batch-download",
                "{\"keys\":[]}");
        assertThat(response.statusCode()).as(clientId + ": " + response.body()).isBetween(400, 499);
        assertProblem(response, response.statusCode(), response.statusCode() == 400 ? "invalid-request" : "client-not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "POST /api/manager/v1/clients/%zz/documents/request-batch-download HTTP/1.1",
        "POST /api/manager/v1/clients/a%/documents/request-batch-download HTTP/1.1",
        "POST /api/manager/v1/clients/%C0%AE%C0%AE/documents/request-batch-download HTTP/1.1",
        "TRACE /api/manager/v1/clients/x/documents/request-batch-download HTTP/1.1",
        "POST http://evil.example/api/manager/v1/clients/x/documents/request-batch-download HTTP/1.1",
        "BREW /api/manager/v1 HTTP/1.1",
    })
    void oddRequestLinesGetAProblemBody(String requestLine) throws Exception {
        HttpResponse<String> response = raw(requestLine);
        assertThat(response.statusCode()).as(requestLine + ": " + response.body()).isBetween(400, 499);
        // Grizzly's own error pages name their charset: application/problem+json;charset=UTF-8.
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(requestLine).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.path("requestId").asText()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("<html", "Exception", "at org.");
    }

    /**
     * What Grizzly's HTTP parser itself refuses is answered before any handler runs: a bare status with
     * no body and the connection closed. Never HTML, never a 2xx, never a hang.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "GET /../../../etc/passwd HTTP/1.1",
        "POST /api/manager/v1/clients/x/documents/request-batch-download HTTP/9.9",
        "POST /api/manager/v1/clients/x/documents/request-batch-download HTTP/1.1\r\nX-Huge: HUGE",
        "POST /api/manager/v1/clients/x/documents/request-batch-download HTTP/1.1\r\nTransfer-Encoding: chunked",
        "POST /api/manager/v1/clients/x/documents/request-batch-download HTTP/1.1\r\nBad Header Name: x",
    })
    void requestsTheParserRefusesGetABareErrorNeverHtml(String requestLine) throws Exception {
        HttpResponse<String> response = raw(requestLine);
        System.out.println("parser-level refusal: " + requestLine.replace("\r\n", " | ").replace("HUGE", "<20000 bytes>")
                + " -> " + response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("(no body type)"));
        assertThat(response.statusCode()).as(requestLine).isIn(400, 404, 413, 431, 505);
        assertThat(response.body()).doesNotContainIgnoringCase("<html").doesNotContain("Exception");
        if (!response.body().isEmpty()) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    private static HttpResponse<String> raw(String requestLine) throws Exception {
        String head = requestLine.replace("HUGE", "h".repeat(20_000));
        URI base = rialto.service.baseUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "\r\nHost: localhost\r\nRIALTO_API_KEY: " + ACME_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return RawResponse.parse(socket.getInputStream());
        }
    }

    @Test
    void aContentTypeSentTwiceIsRefused() throws Exception {
        assertProblem(rialto.send(HttpRequest.newBuilder(rialto.operation(ACME_PERSON.value()))
                .header("RIALTO_API_KEY", ACME_KEY).header("Content-Type", "application/json")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}"))), 400, "invalid-request");
    }

    @Test
    void everyAnswerSaysNoStoreAndEveryRequestLeavesOneAuditLineWithoutSecrets() throws Exception {
        Logger audit = (Logger) LoggerFactory.getLogger("rialto.audit");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        audit.addAppender(lines);
        try {
            DocumentKey key = rialto.keysOf(ACME_PERSON).get(0);
            HttpResponse<String> ok = rialto.post(ACME_PERSON.value(), ACME_KEY, JSON.writeValueAsString(Map.of("keys", List.of(key.value()))));
            HttpResponse<String> unauthorized = rialto.post(ACME_PERSON.value(), "rk_wrong_key_123", "{}");
            HttpResponse<String> notFound = rialto.send(HttpRequest.newBuilder(URI.create(rialto.service.baseUri() + "/nope")).GET());
            HttpResponse<String> bad = rialto.post(ACME_PERSON.value(), ACME_KEY, "{");
            for (HttpResponse<String> response : List.of(ok, unauthorized, notFound, bad)) {
                assertThat(response.headers().allValues("Cache-Control")).as(response.uri().toString()).containsExactly("no-store");
            }
            String url = JSON.readTree(ok.body()).at("/preSignedUrls/0/preSignedUrl").asText();
            String signature = url.substring(url.indexOf("X-Amz-Signature=") + 16);

            List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(logged).hasSize(4);
            assertThat(logged.get(0)).startsWith("request=" + ok.headers().firstValue("X-Request-Id").orElseThrow() + " ")
                    .contains("manager=acme-capital", "path=/api/manager/v1/clients/" + ACME_PERSON, "keys=1", "status=201")
                    .containsPattern("latency_ms=\\d+\\.\\d");
            assertThat(logged.get(1)).contains("manager=-", "status=401");
            assertThat(logged.get(2)).contains("status=404");
            assertThat(logged.get(3)).contains("status=400");
            for (String line : logged) {
                assertThat(line).doesNotContain(ACME_KEY, "rk_wrong_key_123", signature, "X-Amz", key.value());
            }
        } finally {
            audit.detachAppender(lines);
        }
    }

    /** Sends bytes as they are: the path is not normalised or re-encoded by a client library. */
    static HttpResponse<String> rawPost(String path, String json) throws Exception {
        URI base = rialto.service.baseUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nRIALTO_API_KEY: " + ACME_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return RawResponse.parse(socket.getInputStream());
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A minimal reading of an HTTP/1.1 answer with Connection: close, as an HttpResponse for the shared assertions. */
    record RawResponse(int statusCode, java.net.http.HttpHeaders headers, String body) implements HttpResponse<String> {

        static RawResponse parse(InputStream in) throws Exception {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            String[] head = all.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.computeIfAbsent(head[i].substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                        .add(head[i].substring(colon + 1).trim());
            }
            String body = all.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", List.of("")).get(0))) {
                body = dechunk(body);
            }
            return new RawResponse(Integer.parseInt(head[0].split(" ")[1]),
                    java.net.http.HttpHeaders.of(headers, (a, b) -> true), body);
        }

        private static String dechunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    return out.toString();
                }
                // sizes are bytes; our bodies here are ASCII JSON
                out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }

        @Override
        public HttpRequest request() {
            return null;
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public URI uri() {
            return null;
        }

        @Override
        public java.net.http.HttpClient.Version version() {
            return java.net.http.HttpClient.Version.HTTP_1_1;
        }
    }
}
