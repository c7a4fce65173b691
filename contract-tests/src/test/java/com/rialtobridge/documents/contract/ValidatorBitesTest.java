package com.rialtobridge.documents.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract checks fail on what the contract forbids: without these, a contract suite that
 * passes could be one that checks nothing.
 */
class ValidatorBitesTest {

    private static final ContractValidator CONTRACT = ContractValidator.load();
    private static final URI OPERATION = URI.create(
            "http://127.0.0.1:1/api/manager/v1/clients/91e5bd3c-0e13-4e6e-a673-3c0842b7f370/documents/request-batch-download");
    private static final String GOOD_201 =
            "{\"preSignedUrls\":[{\"key\":\"rialto-clients/individuals/c/u_a.pdf\",\"filename\":\"a.pdf\",\"preSignedUrl\":\"http://s3/x\"}]}";
    private static final Map<String, List<String>> GOOD_HEADERS = Map.of(
            "Content-Type", List.of("application/json"), "RIALTO_API_KEY", List.of("rk_x"));

    @Test
    void aDocumentedAnswerPasses() {
        assertThat(CONTRACT.checkResponse("POST", OPERATION, 201, "application/json", GOOD_201)).isEmpty();
        assertThat(CONTRACT.checkResponse("POST", OPERATION, 201, "application/json; charset=utf-8", "{}")).isEmpty();
        assertThat(CONTRACT.checkResponse("POST", OPERATION, 404, "application/problem+json", "{}")).isEmpty();
        assertThat(CONTRACT.checkRequest("POST", OPERATION, GOOD_HEADERS, "{\"keys\":[\"a\"]}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a number where a string belongs, in each property of an entry
        "{\"preSignedUrls\":[{\"key\":1,\"filename\":\"a.pdf\",\"preSignedUrl\":\"http://s3/x\"}]}",
        "{\"preSignedUrls\":[{\"key\":\"k\",\"filename\":2.5,\"preSignedUrl\":\"http://s3/x\"}]}",
        "{\"preSignedUrls\":[{\"key\":\"k\",\"filename\":\"a.pdf\",\"preSignedUrl\":false}]}",
        // preSignedUrls not an array, entries not objects, the body not an object
        "{\"preSignedUrls\":{\"key\":\"k\"}}",
        "{\"preSignedUrls\":\"http://s3/x\"}",
        "{\"preSignedUrls\":null}",
        "{\"preSignedUrls\":[\"http://s3/x\"]}",
        "[{\"key\":\"k\"}]",
        "\"http://s3/x\"",
        "not json",
    })
    void a201BodyThatBreaksTheSchemaFails(String body) {
        assertThat(CONTRACT.checkResponse("POST", OPERATION, 201, "application/json", body))
                .as(body).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 202, 204, 403, 409, 418, 502, 503})
    void anUndocumentedStatusFails(int status) {
        assertThat(CONTRACT.checkResponse("POST", OPERATION, status, "application/json", GOOD_201))
                .singleElement().asString().contains("status " + status + " is not documented");
    }

    @Test
    void a201InAnotherContentTypeFails() {
        assertThat(CONTRACT.checkResponse("POST", OPERATION, 201, "text/plain", GOOD_201)).isNotEmpty();
        assertThat(CONTRACT.checkResponse("POST", OPERATION, 201, "application/problem+json", GOOD_201)).isNotEmpty();
        assertThat(CONTRACT.checkResponse("POST", OPERATION, 201, null, GOOD_201)).isNotEmpty();
    }

    @Test
    void anAnswerOnAPathOrMethodTheContractDoesNotHaveFails() {
        assertThat(CONTRACT.checkResponse("GET", OPERATION, 201, "application/json", GOOD_201)).isNotEmpty();
        assertThat(CONTRACT.checkResponse("POST", URI.create("http://h/api/manager/v1/clients/c/documents"), 201,
                "application/json", GOOD_201)).isNotEmpty();
        assertThat(CONTRACT.checkResponse("POST", URI.create("http://h/api/manager/v2/clients/c/documents/request-batch-download"),
                201, "application/json", GOOD_201)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"keys\":\"a\"}", "{\"keys\":[1]}", "{\"keys\":[\"a\",null]}", "{\"keys\":{}}", "[]", "{"})
    void aRequestBodyThatBreaksTheSchemaFails(String body) {
        assertThat(CONTRACT.checkRequest("POST", OPERATION, GOOD_HEADERS, body)).as(body).isNotEmpty();
    }

    @Test
    void aRequestWithoutTheKeyOrWithAnotherContentTypeOrWithoutABodyFails() {
        assertThat(CONTRACT.checkRequest("POST", OPERATION, Map.of("Content-Type", List.of("application/json")), "{}"))
                .singleElement().asString().contains("security");
        assertThat(CONTRACT.checkRequest("POST", OPERATION,
                Map.of("Content-Type", List.of("text/plain"), "RIALTO_API_KEY", List.of("rk_x")), "{}"))
                .singleElement().asString().contains("Content-Type");
        assertThat(CONTRACT.checkRequest("POST", OPERATION, GOOD_HEADERS, ""))
                .singleElement().asString().contains("required");
    }
}
