package com.rialtobridge.documents.bootstrap;

import static com.rialtobridge.documents.bootstrap.ProblemAssertions.JSON;
import static com.rialtobridge.documents.bootstrap.ProblemAssertions.assertProblem;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_COMPANY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static com.rialtobridge.documents.bootstrap.TestService.BRAVO_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.BRAVO_PERSON;
import static com.rialtobridge.documents.bootstrap.TestService.DISABLED_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rialtobridge.documents.download.ContentDisposition;
import com.rialtobridge.documents.download.DocumentKey;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The assembled service over real HTTP, with a real signature-checking store behind it. */
class EndToEndTest {

    @TempDir
    static Path dataDir;

    static TestService rialto;

    @BeforeAll
    static void start() throws Exception {
        rialto = TestService.start(dataDir, Map.of(
                ACME_PERSON, Map.of(
                        "passport scan.JPG", "passport bytes",
                        "Relevé de compte n°3 — 2024.pdf", "statement bytes",
                        "contract.pdf", "contract bytes"),
                ACME_COMPANY, Map.of("articles; of \"association\".pdf", "articles bytes"),
                BRAVO_PERSON, Map.of("bravo-id.pdf", "bravo bytes")));
    }

    @AfterAll
    static void stop() {
        rialto.close();
    }

    private static String body(List<DocumentKey> keys) throws Exception {
        return JSON.writeValueAsString(Map.of("keys", keys.stream().map(DocumentKey::value).toList()));
    }

    @Test
    void issuesUrlsThatDownloadTheRightBytesUnderTheOriginalNames() throws Exception {
        List<DocumentKey> keys = new ArrayList<>(rialto.keysOf(ACME_PERSON));
        keys.add(keys.get(0));
        HttpResponse<String> response = rialto.post(ACME_PERSON.value(), ACME_KEY, body(keys));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode urls = JSON.readTree(response.body()).path("preSignedUrls");
        assertThat(urls).hasSize(3);
        for (int i = 0; i < 3; i++) {
            DocumentKey key = keys.get(i);
            JsonNode entry = urls.get(i);
            assertThat(entry.path("key").asText()).isEqualTo(key.value());
            assertThat(entry.path("filename").asText()).isEqualTo(key.filename());
            String url = entry.path("preSignedUrl").asText();
            assertThat(url).contains("X-Amz-Expires=300", "X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Signature=");

            HttpResponse<byte[]> download = rialto.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).as("download of %s", key).isEqualTo(200);
            assertThat(download.body()).isEqualTo(rialto.documents.get(ACME_PERSON).get(key));
            assertThat(download.headers().firstValue("Content-Disposition"))
                    .hasValue(ContentDisposition.attachment(key.filename()).headerValue());
        }
        assertThat(urls).extracting(n -> n.path("filename").asText())
                .contains("passport scan.JPG", "Relevé de compte n°3 — 2024.pdf");
    }

    @Test
    void aFilenameWithQuotesAndSemicolonsComesBackExactlyAsSigned() throws Exception {
        DocumentKey key = rialto.keysOf(ACME_COMPANY).get(0);
        HttpResponse<String> response = rialto.post(ACME_COMPANY.value(), ACME_KEY, body(List.of(key)));
        String url = JSON.readTree(response.body()).at("/preSignedUrls/0/preSignedUrl").asText();
        HttpResponse<String> download = rialto.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().allValues("Content-Disposition")).containsExactly(
                "attachment; filename=\"articles; of _association_.pdf\"; "
                        + "filename*=UTF-8''articles%3B%20of%20%22association%22.pdf");
    }

    @Test
    void theStoreRefusesATamperedUrl() throws Exception {
        DocumentKey key = rialto.keysOf(ACME_PERSON).get(0);
        String url = JSON.readTree(rialto.post(ACME_PERSON.value(), ACME_KEY, body(List.of(key))).body())
                .at("/preSignedUrls/0/preSignedUrl").asText();
        String signature = url.substring(url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length());
        String flipped = (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);
        List<String> tampered = List.of(
                url.replace(signature, flipped),
                url.replace("attachment%3B", "inline%3B"),
                url.replace("X-Amz-Expires=300", "X-Amz-Expires=3000"),
                url.replace(key.value().substring(key.value().lastIndexOf('/') + 1, key.value().lastIndexOf('/') + 9), "00000000"));
        for (String bad : tampered) {
            assertThat(bad).isNotEqualTo(url);
            HttpResponse<String> download = rialto.http.send(HttpRequest.newBuilder(URI.create(bad)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(download.statusCode()).as(bad).isEqualTo(403);
        }
    }

    @Test
    void withoutAValidKeyNothingElseIsLookedAt() throws Exception {
        String valid = body(rialto.keysOf(ACME_PERSON));
        assertProblem(rialto.post(ACME_PERSON.value(), null, valid), 401, "unauthorized");
        assertProblem(rialto.post(ACME_PERSON.value(), "", valid), 401, "unauthorized");
        assertProblem(rialto.post(ACME_PERSON.value(), "rk_nobody", valid), 401, "unauthorized");
        assertProblem(rialto.post(ACME_PERSON.value(), DISABLED_KEY, valid), 401, "unauthorized");
        assertProblem(rialto.post(ACME_PERSON.value(), ACME_KEY.toUpperCase(), valid), 401, "unauthorized");
        // 401 comes before every other check: a malformed body, a wrong Content-Type, an unknown client.
        assertProblem(rialto.post(ACME_PERSON.value(), null, "{"), 401, "unauthorized");
        assertProblem(rialto.post("no-such-client", "rk_nobody", valid), 401, "unauthorized");
        assertProblem(rialto.send(HttpRequest.newBuilder(rialto.operation(ACME_PERSON.value()))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x"))), 401, "unauthorized");
        // The same header twice is ambiguous, even when one of them is valid.
        assertProblem(rialto.send(HttpRequest.newBuilder(rialto.operation(ACME_PERSON.value()))
                .header("Content-Type", "application/json").header("RIALTO_API_KEY", ACME_KEY)
                .header("RIALTO_API_KEY", "rk_nobody").POST(HttpRequest.BodyPublishers.ofString(valid))), 401, "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/manager/v1;x=1/clients/%s/documents/request-batch-download",
        "/api/manager;v=2/v1/clients/%s/documents/request-batch-download",
        "/api/manager/v1/./clients/%s/documents/request-batch-download",
        "/api/manager/v1/x/../clients/%s/documents/request-batch-download",
        "/api/manager/v1/clients/%s/documents/request-batch-download;x=1",
        "/api/manager/v1/clients/%s/documents/request-batch-download/",
    })
    void noSpellingOfTheOperationsPathSkipsTheApiKeyCheck(String path) throws Exception {
        URI uri = URI.create(rialto.service.baseUri() + String.format(path, ACME_PERSON));
        HttpResponse<String> response = rialto.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).as(path).isIn(401, 404);
        assertThat(response.body()).doesNotContain("preSignedUrls");
    }

    @Test
    void anotherManagersClientLooksExactlyLikeOneThatDoesNotExist() throws Exception {
        JsonNode notMine = assertProblem(rialto.post(BRAVO_PERSON.value(), ACME_KEY, body(rialto.keysOf(BRAVO_PERSON))),
                404, "client-not-found");
        JsonNode nobodys = assertProblem(rialto.post("7d0c1d7e-0000-4000-8000-000000000000", ACME_KEY, "{\"keys\":[]}"),
                404, "client-not-found");
        JsonNode notMineWithoutId = ((ObjectNode) notMine.deepCopy()).without("requestId");
        JsonNode nobodysWithoutId = ((ObjectNode) nobodys.deepCopy()).without("requestId");
        assertThat(notMineWithoutId).isEqualTo(nobodysWithoutId);
        // And the manager who does manage it gets its URLs with the same request.
        assertThat(rialto.post(BRAVO_PERSON.value(), BRAVO_KEY, body(rialto.keysOf(BRAVO_PERSON))).statusCode()).isEqualTo(201);
    }

    @Test
    void anotherClientsDocumentLooksExactlyLikeAMissingOne() throws Exception {
        DocumentKey mine = rialto.keysOf(ACME_PERSON).get(0);
        DocumentKey siblings = rialto.keysOf(ACME_COMPANY).get(0);
        DocumentKey otherManagers = rialto.keysOf(BRAVO_PERSON).get(0);
        String missing = "rialto-clients/individuals/" + ACME_PERSON + "/00000000-0000-0000-0000-000000000000_gone.pdf";
        JsonNode problem = assertProblem(rialto.post(ACME_PERSON.value(), ACME_KEY,
                JSON.writeValueAsString(Map.of("keys", List.of(mine.value(), siblings.value(), missing, otherManagers.value())))),
                404, "documents-not-found");
        assertThat(problem.path("keys")).extracting(JsonNode::asText)
                .containsExactly(siblings.value(), missing, otherManagers.value());
        // One missing key fails the batch; nothing is half-issued.
        assertThat(problem.has("preSignedUrls")).as("no URL in a 404").isEqualTo(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{", "[]", "null", "\"keys\"", "{\"keys\":\"x\"}", "{\"keys\":{}}", "{\"keys\":[1]}", "{\"keys\":[1.5]}",
        "{\"keys\":[true]}", "{\"keys\":[null]}", "{\"keys\":[{}]}", "{\"keys\":[[\"a\"]]}", "{\"keys\":null}",
        "{\"keys\":[\"\"]}", "{\"keys\":[\"/rialto-clients/individuals/x/a.pdf\"]}", "{\"keys\":[\"a/../b\"]}",
        "{\"keys\":[\"a//b\"]}", "{\"keys\":[\"a\\u0001b\"]}", "{\"keys\":[\"a\\ud800b\"]}", "{} {}", "{\"keys\":[]} x",
        "{\"keys\":[\"a\"],\"keys\":[\"b\"]}",
    })
    void aBadPayloadIsA400ProblemNeverA500(String payload) throws Exception {
        assertProblem(rialto.post(ACME_PERSON.value(), ACME_KEY, payload), 400, "invalid-request");
    }

    @Test
    void aMissingBodyOrAWrongContentTypeIsA400() throws Exception {
        HttpRequest.Builder base = HttpRequest.newBuilder(rialto.operation(ACME_PERSON.value())).header("RIALTO_API_KEY", ACME_KEY);
        assertProblem(rialto.send(base.copy().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())), 400, "invalid-request");
        assertProblem(rialto.send(base.copy().header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 400, "invalid-request");
        assertProblem(rialto.send(base.copy().POST(HttpRequest.BodyPublishers.ofString("{}"))), 400, "invalid-request");
    }

    @Test
    void tooManyKeysOrAKeyLongerThanS3AllowsIsA400() throws Exception {
        List<String> many = IntStream.range(0, 21).mapToObj(i -> "rialto-clients/individuals/" + ACME_PERSON + "/" + i).toList();
        JsonNode problem = assertProblem(rialto.post(ACME_PERSON.value(), ACME_KEY, JSON.writeValueAsString(Map.of("keys", many))),
                400, "invalid-request");
        assertThat(problem.path("detail").asText()).contains("At most 20 keys");
        String tooLong = "rialto-clients/individuals/" + ACME_PERSON + "/" + "x".repeat(1000);
        assertProblem(rialto.post(ACME_PERSON.value(), ACME_KEY, JSON.writeValueAsString(Map.of("keys", List.of(tooLong)))),
                400, "invalid-request");
    }

    @Test
    void propertiesTheContractDoesNotNameAreIgnoredAndNoKeysMeansNoUrls() throws Exception {
        HttpResponse<String> response = rialto.post(ACME_PERSON.value(), ACME_KEY, "{\"extra\":{\"deep\":[1,2]}}");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"preSignedUrls\":[]}"));
    }

    @Test
    void everyOtherPathAndMethodAnswersProblemJsonToo() throws Exception {
        assertProblem(rialto.send(HttpRequest.newBuilder(URI.create(rialto.service.baseUri() + "/nope")).GET()), 404, "not-found");
        assertProblem(rialto.send(HttpRequest.newBuilder(URI.create(rialto.service.baseUri() + "/api/manager/v1/nope"))
                .header("RIALTO_API_KEY", ACME_KEY).GET()), 404, "not-found");
        assertProblem(rialto.send(HttpRequest.newBuilder(rialto.operation(ACME_PERSON.value()))
                .header("RIALTO_API_KEY", ACME_KEY).GET()), 405, "method-not-allowed");
    }

    @Test
    void aCallersRequestIdIsKeptWhenItIsAPlainTokenAndReplacedOtherwise() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(rialto.operation(ACME_PERSON.value()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(rialto.send(request.copy().header("X-Request-Id", "caller-42")).headers().firstValue("X-Request-Id"))
                .hasValue("caller-42");
        assertThat(rialto.send(request.copy().header("X-Request-Id", "bad id; with spaces")).headers()
                .firstValue("X-Request-Id")).get().asString().matches("[0-9a-f-]{36}");
    }

    @Test
    void aBatchBigEnoughToBeListedIsAnsweredLikeOneCheckedKeyByKey() throws Exception {
        List<DocumentKey> keys = new ArrayList<>(rialto.keysOf(ACME_PERSON));
        keys.add(keys.get(0));
        DocumentKey missing = new DocumentKey(keys.get(0).clientPrefix() + "00000000-0000-0000-0000-000000000000_gone.pdf");
        List<DocumentKey> withMissing = new ArrayList<>(keys);
        withMissing.add(missing);
        JsonNode problem = assertProblem(rialto.post(ACME_PERSON.value(), ACME_KEY, body(withMissing)), 404, "documents-not-found");
        assertThat(problem.path("keys").toString()).isEqualTo(JSON.writeValueAsString(List.of(missing.value())));
        HttpResponse<String> response = rialto.post(ACME_PERSON.value(), ACME_KEY, body(keys));
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode urls = JSON.readTree(response.body()).path("preSignedUrls");
        assertThat(urls).hasSize(3);
        for (JsonNode url : urls) {
            HttpResponse<String> download = rialto.send(HttpRequest.newBuilder(URI.create(url.path("preSignedUrl").asText())).GET());
            assertThat(download.statusCode()).isEqualTo(200);
        }
    }
}
