package com.rialtobridge.documents.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static com.rialtobridge.documents.contract.Exchanges.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.rialtobridge.documents.bootstrap.RunningService;
import com.rialtobridge.documents.bootstrap.TestService;
import com.rialtobridge.manager.client.ApiException;
import com.rialtobridge.manager.client.api.DocumentsApi;
import com.rialtobridge.manager.client.model.BatchDownloadRequest;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that fails: the answer is the contract's 500, to raw HTTP and to the generated client. */
class StoreFailureContractTest {

    private static final String KEY = "rialto-clients/individuals/" + ACME_PERSON + "/7111bfb8-d6d3-4930-a6d0-eaa68a1c431a_a.pdf";

    @TempDir
    static Path dataDir;

    static WireMockServer store;
    static RunningService rialto;

    @BeforeAll
    static void start() throws Exception {
        store = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        store.start();
        store.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        // The SDK's default chain reads these first; any value will do for a store that only fails.
        System.setProperty("aws.accessKeyId", "contract-test");
        System.setProperty("aws.secretAccessKey", "contract-test-secret");
        TestService.writeDirectory(dataDir);
        rialto = RunningService.start(TestService.config(dataDir, Map.of(
                "RIALTO_S3_BUCKET", "rialto-documents",
                "RIALTO_S3_ENDPOINT", "http://127.0.0.1:" + store.port(),
                "RIALTO_REQUEST_TIMEOUT", "3s")), new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() {
        if (rialto != null) {
            rialto.close();
        }
        store.stop();
    }

    @Test
    void aFailingStoreIsTheContracts500() throws Exception {
        Exchanges exchanges = new Exchanges(rialto.baseUri());
        assertProblem(exchanges.post(ACME_PERSON.value(), ACME_KEY, "{\"keys\":[\"" + KEY + "\"]}"), 500, "store-unavailable");
        assertThat(store.getAllServeEvents()).as("the store was asked").isNotEmpty();
    }

    @Test
    void theGeneratedClientSeesThe500() throws Exception {
        DocumentsApi api = GeneratedClientTest.client(rialto.baseUri(), ACME_KEY);
        ApiException failure = catchThrowableOfType(ApiException.class, () -> api.generateClientPreSignedUrlForDownload(
                ACME_PERSON.value(), new BatchDownloadRequest().keys(List.of(KEY))));
        assertThat(failure.getCode()).isEqualTo(500);
        JsonNode problem = Exchanges.JSON.readTree(failure.getResponseBody());
        assertThat(problem.path("type").asText()).isEqualTo("urn:rialto-documents:problem:store-unavailable");
    }
}
