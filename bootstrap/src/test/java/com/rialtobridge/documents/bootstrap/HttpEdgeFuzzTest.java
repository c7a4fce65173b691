package com.rialtobridge.documents.bootstrap;

import static com.rialtobridge.documents.bootstrap.TestService.ACME_COMPANY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static com.rialtobridge.documents.bootstrap.TestService.BRAVO_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.BRAVO_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rialtobridge.documents.download.DocumentKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated requests against the real HTTP stack and store: client ids (encoded bytes, dots,
 * slashes), keys (right, wrong, absent), Content-Types and bodies (valid batches, mutated JSON,
 * random bytes). Whatever comes in, the answer is a valid 201 or a problem+json 4xx: never a 5xx,
 * never HTML, never an answer without a request id.
 *
 * <p>CI runs {@code jqwik.tries.default} from junit-platform.properties; a long run:
 * {@code mvn -B verify -pl bootstrap -am -Dtest=HttpEdgeFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Djqwik.tries.default=100000}.
 */
class HttpEdgeFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong CASES = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static Path dataDir;
    private static TestService rialto;

    @BeforeContainer
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("rialto-fuzz");
        rialto = TestService.start(dataDir, Map.of(
                ACME_PERSON, Map.of("passport.pdf", "p", "naïve \"x\";.pdf", "n"),
                ACME_COMPANY, Map.of("articles.pdf", "a"),
                BRAVO_PERSON, Map.of("bravo.pdf", "b")));
    }

    @AfterContainer
    static void stop() throws Exception {
        System.out.println("fuzz: " + CASES.get() + " generated requests, no 5xx, no HTML, every answer a 201 or problem+json");
        rialto.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property
    void noGeneratedRequestGetsA5xxOrAnythingButA201OrAProblem(
            @ForAll("clientIds") String clientId, @ForAll("apiKeys") String apiKey,
            @ForAll("contentTypes") String contentType, @ForAll("bodies") byte[] body) throws Exception {
        CASES.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rialto.service.baseUri()
                        + "/api/manager/v1/clients/" + clientId + "/documents/request-batch-download"))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("RIALTO_API_KEY", apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        int status = response.statusCode();
        String described = status + " " + response.body();
        assertThat(status).as(described).isBetween(200, 499);
        assertThat(response.body()).as(described).doesNotContainIgnoringCase("<html").doesNotContain("Exception", "at com.");
        assertThat(response.headers().firstValue("Cache-Control")).as(described).hasValue("no-store");
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        JsonNode json = JSON.readTree(response.body());
        if (status == 201) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(json.path("preSignedUrls").isArray()).as(described).isTrue();
            json.path("preSignedUrls").forEach(url -> assertThat(url.path("preSignedUrl").asText()).contains("X-Amz-Signature="));
        } else {
            assertThat(status).as(described).isIn(400, 401, 404);
            assertThat(response.headers().firstValue("Content-Type")).as(described).hasValue("application/problem+json");
            assertThat(json.path("type").asText()).as(described).startsWith("urn:rialto-documents:problem:");
            assertThat(json.path("status").asInt()).as(described).isEqualTo(status);
            assertThat(json.path("title").asText()).as(described).isNotBlank();
            assertThat(json.path("requestId").asText()).as(described).isEqualTo(requestId);
        }
    }

    @Provide
    Arbitrary<String> clientIds() {
        Arbitrary<String> known = Arbitraries.of(ACME_PERSON.value(), ACME_COMPANY.value(), BRAVO_PERSON.value(),
                "..", ".", "%2E%2E", "%2F", "a%2F..%2Fb", ACME_PERSON + "%2F..%2F" + BRAVO_PERSON, "%00", "%C0%AF", "%FF%FE");
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcXYZ019-._~!$&'()*+,;=:@").ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> encodedBytes = Arbitraries.bytes().list().ofMinSize(1).ofMaxSize(20)
                .map(bytes -> {
                    StringBuilder out = new StringBuilder();
                    bytes.forEach(b -> out.append(String.format("%%%02X", b & 0xff)));
                    return out.toString();
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, known), net.jqwik.api.Tuple.of(3, plain), net.jqwik.api.Tuple.of(3, encodedBytes));
    }

    @Provide
    Arbitrary<String> apiKeys() {
        Arbitrary<String> random = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(80);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(7, Arbitraries.of(ACME_KEY, BRAVO_KEY)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)),
                net.jqwik.api.Tuple.of(2, random));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(null, "text/plain", "application/json; charset=utf-16",
                        "application/json; charset=latin1", "application/*", "multipart/form-data; boundary=x", "*/*",
                        "application/json;;;", "application/problem+json")));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        List<String> realKeys = new ArrayList<>();
        rialto.documents.values().forEach(keys -> keys.keySet().stream().map(DocumentKey::value).forEach(realKeys::add));
        Arbitrary<String> key = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of(realKeys)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(60)
                        .map(s -> "rialto-clients/individuals/" + ACME_PERSON + "/" + s)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(80)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("./a").ofMaxLength(12)));
        Arbitrary<byte[]> batch = key.list().ofMaxSize(25).map(keys -> {
            try {
                return JSON.writeValueAsBytes(Map.of("keys", keys));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Arbitrary<byte[]> mutated = Combinators.combine(batch, Arbitraries.integers().between(0, 1000),
                Arbitraries.bytes(), Arbitraries.integers().between(0, 2)).as((json, at, b, how) -> {
                    if (json.length == 0) {
                        return json;
                    }
                    int i = at % json.length;
                    return switch (how) {
                        case 0 -> { byte[] copy = json.clone(); copy[i] = b; yield copy; }
                        case 1 -> java.util.Arrays.copyOf(json, i);
                        default -> { byte[] copy = java.util.Arrays.copyOf(json, json.length + 1);
                            System.arraycopy(json, i, copy, i + 1, json.length - i); copy[i] = b; yield copy; }
                    };
                });
        Arbitrary<byte[]> fragments = Arbitraries.of("", "null", "[]", "{}", "{\"keys\":null}", "{\"keys\":[null]}",
                "{\"keys\":[1,true,{}]}", "{\"keys\":\"x\"}", "{\"keys\":[]}{}", "\"\\ud800\"", "{\"keys\":[\"\\udc00\"]}",
                "[".repeat(2000), "{\"a\":".repeat(100) + "1" + "}".repeat(100), "{\"keys\":[],\"keys\":[]}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, batch), net.jqwik.api.Tuple.of(3, mutated),
                net.jqwik.api.Tuple.of(2, fragments), net.jqwik.api.Tuple.of(1, noise));
    }
}
