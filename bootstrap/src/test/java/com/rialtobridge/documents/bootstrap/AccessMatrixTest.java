package com.rialtobridge.documents.bootstrap;

import static com.rialtobridge.documents.bootstrap.ProblemAssertions.JSON;
import static com.rialtobridge.documents.bootstrap.ProblemAssertions.assertProblem;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_COMPANY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static com.rialtobridge.documents.bootstrap.TestService.BRAVO_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.BRAVO_PERSON;
import static com.rialtobridge.documents.bootstrap.TestService.CHARLIE_COMPANY;
import static com.rialtobridge.documents.bootstrap.TestService.DISABLED_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rialtobridge.documents.access.ApiKeyHash;
import com.rialtobridge.documents.access.ClientId;
import com.rialtobridge.documents.access.Directory;
import com.rialtobridge.documents.access.Manager;
import com.rialtobridge.documents.access.ManagerId;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may see what, every combination: (the key of manager X) x (a client of manager Y) x (a
 * document key of client Z) x (the document exists or not). Three managers with clients of both
 * kinds, a client nobody has, and three kinds of bad key. Every 404 of a kind must be the same body
 * whatever its reason (missing, or not yours), so the answers leak nothing but what the caller may know.
 */
class AccessMatrixTest {

    static final String CHARLIE_KEY = "rk_test_charlie_0123456789abcdefghijklmnopqrstuvwx";
    static final ClientId NOBODYS = new ClientId("0f3e2d1c-0000-4000-8000-00000000dead");

    /** The managers, by the key they call with; null stands for "no manager". */
    static final Map<String, String> CALLERS = new LinkedHashMap<>();
    static final Map<String, Set<ClientId>> MANAGES = Map.of(
            ACME_KEY, Set.of(ACME_PERSON, ACME_COMPANY),
            BRAVO_KEY, Set.of(BRAVO_PERSON),
            CHARLIE_KEY, Set.of(CHARLIE_COMPANY));
    static final List<ClientId> CLIENTS = List.of(ACME_PERSON, ACME_COMPANY, BRAVO_PERSON, CHARLIE_COMPANY, NOBODYS);

    static {
        CALLERS.put("acme", ACME_KEY);
        CALLERS.put("bravo", BRAVO_KEY);
        CALLERS.put("charlie", CHARLIE_KEY);
        CALLERS.put("unknown key", "rk_test_nobody_0123456789abcdefghijklmnopqrstuvwxy");
        CALLERS.put("disabled key", DISABLED_KEY);
        CALLERS.put("no key", null);
    }

    @TempDir
    static Path dataDir;
    static TestService rialto;
    static JsonNode canonicalClientNotFound;
    static JsonNode canonicalDocumentsNotFound;
    static JsonNode canonicalUnauthorized;

    @BeforeAll
    static void start() throws Exception {
        Directory directory = new Directory(List.of(
                new Manager(new ManagerId("acme-capital"), List.of(ApiKeyHash.of(ACME_KEY)), Set.of(ACME_PERSON, ACME_COMPANY)),
                new Manager(new ManagerId("bravo-partners"), List.of(ApiKeyHash.of(BRAVO_KEY)), Set.of(BRAVO_PERSON)),
                new Manager(new ManagerId("charlie-trust"), List.of(ApiKeyHash.of(CHARLIE_KEY)), Set.of(CHARLIE_COMPANY))));
        Map<ClientId, Map<String, String>> files = new LinkedHashMap<>();
        for (ClientId client : CLIENTS) {
            if (client != NOBODYS) {
                files.put(client, Map.of("statement " + client.value().substring(0, 4) + ".pdf", "bytes of " + client));
            }
        }
        rialto = TestService.start(dataDir, directory, files, Map.of());
        canonicalClientNotFound = withoutVaryingParts(assertProblem(
                rialto.post("0f3e2d1c-1111-4000-8000-00000000beef", ACME_KEY, "{\"keys\":[]}"), 404, "client-not-found"));
        canonicalDocumentsNotFound = withoutVaryingParts(assertProblem(rialto.post(ACME_PERSON.value(), ACME_KEY,
                body(missingKeyOf(ACME_PERSON))), 404, "documents-not-found"));
        canonicalUnauthorized = withoutVaryingParts(assertProblem(rialto.post(ACME_PERSON.value(), "rk_x", "{}"),
                401, "unauthorized"));
    }

    @AfterAll
    static void stop() {
        rialto.close();
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> cases = new ArrayList<>();
        for (var caller : CALLERS.entrySet()) {
            for (ClientId pathClient : CLIENTS) {
                for (ClientId keyOwner : CLIENTS) {
                    for (boolean present : new boolean[] {true, false}) {
                        if (keyOwner == NOBODYS && present) {
                            continue; // a client nobody has has no documents
                        }
                        cases.add(Arguments.of(caller.getKey(), caller.getValue(), pathClient, keyOwner, present));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} asks for client {2}, a {4} document of client {3}")
    @MethodSource("everyCombination")
    void everyCallerGetsExactlyWhatTheyMaySee(String callerName, String apiKey, ClientId pathClient, ClientId keyOwner,
            boolean present) throws Exception {
        String key = present ? rialto.keysOf(keyOwner).get(0).value() : missingKeyOf(keyOwner);
        HttpResponse<String> response = rialto.post(pathClient.value(), apiKey, body(key));

        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        if (apiKey == null || !MANAGES.containsKey(apiKey)) {
            assertThat(withoutVaryingParts(assertProblem(response, 401, "unauthorized"))).isEqualTo(canonicalUnauthorized);
        } else if (!MANAGES.get(apiKey).contains(pathClient)) {
            assertThat(withoutVaryingParts(assertProblem(response, 404, "client-not-found")))
                    .isEqualTo(canonicalClientNotFound);
        } else if (!keyOwner.equals(pathClient) || !present) {
            JsonNode problem = assertProblem(response, 404, "documents-not-found");
            assertThat(problem.path("keys")).extracting(JsonNode::asText).containsExactly(key);
            assertThat(withoutVaryingParts(problem)).isEqualTo(canonicalDocumentsNotFound);
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode urls = JSON.readTree(response.body()).path("preSignedUrls");
            assertThat(urls).hasSize(1);
            assertThat(urls.get(0).path("key").asText()).isEqualTo(key);
        }
    }

    private static String missingKeyOf(ClientId client) {
        String kind = TestService.ENTITY_CLIENTS.contains(client) ? "entities" : "individuals";
        return "rialto-clients/" + kind + "/" + client.value() + "/00000000-0000-4000-8000-000000000000_absent.pdf";
    }

    private static String body(String key) throws Exception {
        return JSON.writeValueAsString(Map.of("keys", List.of(key)));
    }

    /** A problem body without what must differ between two answers: the request id and the keys named. */
    private static JsonNode withoutVaryingParts(JsonNode problem) {
        return ((ObjectNode) problem.deepCopy()).without(List.of("requestId", "keys"));
    }

}
