package com.rialtobridge.documents.contract;

import static com.rialtobridge.documents.bootstrap.TestService.ACME_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static com.rialtobridge.documents.bootstrap.TestService.BRAVO_PERSON;
import static com.rialtobridge.documents.contract.Exchanges.JSON;
import static com.rialtobridge.documents.contract.Exchanges.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rialtobridge.documents.bootstrap.TestService;
import com.rialtobridge.documents.download.DocumentKey;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The assembled service, on a real embedded store, answers only what the contract documents:
 * every request here is checked against the YAML before it is sent, every answer after.
 */
@ExtendWith(SharedService.class)
class ServiceContractTest {

    static TestService rialto;
    static Exchanges exchanges;

    @BeforeAll
    static void connect() {
        rialto = SharedService.rialto();
        exchanges = new Exchanges(rialto.service.baseUri());
    }

    private static String body(List<String> keys) throws Exception {
        return JSON.writeValueAsString(Map.of("keys", keys));
    }

    @Test
    void created() throws Exception {
        List<String> keys = rialto.keysOf(ACME_PERSON).stream().map(DocumentKey::value).toList();
        HttpResponse<String> response = exchanges.post(ACME_PERSON.value(), ACME_KEY, body(keys));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode urls = JSON.readTree(response.body()).path("preSignedUrls");
        assertThat(urls).extracting(u -> u.path("key").asText()).containsExactlyElementsOf(keys);
        assertThat(urls).allSatisfy(u -> assertThat(u.path("preSignedUrl").asText()).contains("X-Amz-Signature="));
    }

    @Test
    void createdWithNoKeysAndWithPropertiesTheContractDoesNotName() throws Exception {
        assertThat(exchanges.post(ACME_PERSON.value(), ACME_KEY, "{\"keys\":[]}").statusCode()).isEqualTo(201);
        assertThat(exchanges.post(ACME_PERSON.value(), ACME_KEY, "{\"keys\":[],\"note\":1}").statusCode()).isEqualTo(201);
    }

    /** Valid for the contract (strings in an array) but not for the service: still a documented 400. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"keys\":[\"\"]}", "{\"keys\":[\"a/../b\"]}", "{\"keys\":[\"/rialto-clients/x\"]}"})
    void badRequestForKeysTheContractAllowsButTheServiceRefuses(String payload) throws Exception {
        assertProblem(exchanges.post(ACME_PERSON.value(), ACME_KEY, payload), 400, "invalid-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"keys\":\"a\"}", "{\"keys\":[1]}", "{\"keys\":[null]}", "[]", "{"})
    void badRequestForABodyTheContractForbids(String payload) throws Exception {
        assertProblem(exchanges.postInvalid(ACME_PERSON.value(), ACME_KEY, "application/json", payload), 400, "invalid-request");
    }

    @Test
    void badRequestForAContentTypeTheContractDoesNotName() throws Exception {
        assertProblem(exchanges.postInvalid(ACME_PERSON.value(), ACME_KEY, "text/plain", "{\"keys\":[]}"), 400, "invalid-request");
    }

    @Test
    void unauthorizedWithoutTheKey() throws Exception {
        // The contract requires the header, so this request breaks it on purpose.
        assertProblem(exchanges.postInvalid(ACME_PERSON.value(), null, "application/json", "{\"keys\":[]}"), 401, "unauthorized");
    }

    @Test
    void unauthorizedWithAnUnknownKey() throws Exception {
        // Well formed for the contract, which cannot know which keys exist.
        assertProblem(exchanges.post(ACME_PERSON.value(), "rk_nobody", "{\"keys\":[]}"), 401, "unauthorized");
    }

    @Test
    void notFoundForAnotherManagersClient() throws Exception {
        String keys = body(rialto.keysOf(BRAVO_PERSON).stream().map(DocumentKey::value).toList());
        assertProblem(exchanges.post(BRAVO_PERSON.value(), ACME_KEY, keys), 404, "client-not-found");
    }

    @Test
    void notFoundForAMissingDocument() throws Exception {
        String missing = "rialto-clients/individuals/" + ACME_PERSON + "/00000000-0000-0000-0000-000000000000_gone.pdf";
        JsonNode problem = assertProblem(exchanges.post(ACME_PERSON.value(), ACME_KEY, body(List.of(missing))),
                404, "documents-not-found");
        assertThat(problem.path("keys")).extracting(JsonNode::asText).containsExactly(missing);
    }
}
