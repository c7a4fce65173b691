package com.rialtobridge.documents.contract;

import static com.rialtobridge.documents.bootstrap.TestService.ACME_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static com.rialtobridge.documents.bootstrap.TestService.BRAVO_PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.rialtobridge.documents.bootstrap.TestService;
import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.manager.client.ApiClient;
import com.rialtobridge.manager.client.ApiException;
import com.rialtobridge.manager.client.api.DocumentsApi;
import com.rialtobridge.manager.client.model.BatchDownloadRequest;
import com.rialtobridge.manager.client.model.BatchDownloadResponse;
import com.rialtobridge.manager.client.model.PreSignedUrl;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client generated from the same YAML drives the service as a caller would. */
@ExtendWith(SharedService.class)
class GeneratedClientTest {

    static TestService rialto;

    @BeforeAll
    static void connect() {
        rialto = SharedService.rialto();
    }

    /** How a caller sets it up: the API's base URI, and the key on every request. */
    static DocumentsApi client(URI serviceUri, String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(serviceUri + "/api/manager/v1");
        client.setRequestInterceptor(request -> request.header("RIALTO_API_KEY", apiKey));
        return new DocumentsApi(client);
    }

    private static ApiException failure(DocumentsApi api, String clientId, List<String> keys) {
        return catchThrowableOfType(ApiException.class,
                () -> api.generateClientPreSignedUrlForDownload(clientId, new BatchDownloadRequest().keys(keys)));
    }

    private static String problemType(ApiException failure) throws Exception {
        JsonNode problem = Exchanges.JSON.readTree(failure.getResponseBody());
        return problem.path("type").asText();
    }

    @Test
    void theDefaultServerIsTheContractsFirst() {
        assertThat(new ApiClient().getBaseUri()).isEqualTo("https://api.rialtobridge.xyz/api/manager/v1");
    }

    @Test
    void createdUrlsDownloadTheDocuments() throws Exception {
        List<DocumentKey> keys = rialto.keysOf(ACME_PERSON);
        BatchDownloadResponse response = client(rialto.service.baseUri(), ACME_KEY).generateClientPreSignedUrlForDownload(
                ACME_PERSON.value(), new BatchDownloadRequest().keys(keys.stream().map(DocumentKey::value).toList()));

        assertThat(response.getPreSignedUrls()).extracting(PreSignedUrl::getKey)
                .containsExactlyElementsOf(keys.stream().map(DocumentKey::value).toList());
        assertThat(response.getPreSignedUrls()).extracting(PreSignedUrl::getFilename)
                .containsExactlyElementsOf(keys.stream().map(DocumentKey::filename).toList());
        for (PreSignedUrl url : response.getPreSignedUrls()) {
            HttpResponse<byte[]> download = rialto.http.send(HttpRequest.newBuilder(URI.create(url.getPreSignedUrl())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(rialto.documents.get(ACME_PERSON).get(new DocumentKey(url.getKey())));
        }
    }

    @Test
    void aKeyTheServiceRefusesIs400() throws Exception {
        ApiException failure = failure(client(rialto.service.baseUri(), ACME_KEY), ACME_PERSON.value(), List.of("a/../b"));
        assertThat(failure.getCode()).isEqualTo(400);
        assertThat(problemType(failure)).isEqualTo("urn:rialto-documents:problem:invalid-request");
    }

    @Test
    void anUnknownKeyIs401() throws Exception {
        ApiException failure = failure(client(rialto.service.baseUri(), "rk_nobody"), ACME_PERSON.value(), List.of());
        assertThat(failure.getCode()).isEqualTo(401);
        assertThat(problemType(failure)).isEqualTo("urn:rialto-documents:problem:unauthorized");
    }

    @Test
    void anotherManagersClientAndAMissingDocumentAre404() throws Exception {
        DocumentsApi api = client(rialto.service.baseUri(), ACME_KEY);
        ApiException client = failure(api, BRAVO_PERSON.value(), List.of());
        assertThat(client.getCode()).isEqualTo(404);
        assertThat(problemType(client)).isEqualTo("urn:rialto-documents:problem:client-not-found");

        String missing = "rialto-clients/individuals/" + ACME_PERSON + "/00000000-0000-0000-0000-000000000000_gone.pdf";
        ApiException document = failure(api, ACME_PERSON.value(), List.of(missing));
        assertThat(document.getCode()).isEqualTo(404);
        assertThat(problemType(document)).isEqualTo("urn:rialto-documents:problem:documents-not-found");
    }
}
