package com.rialtobridge.documents.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.rialtobridge.documents.http.ApiKeyFilter;
import com.rialtobridge.documents.http.ApiPaths;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code's fixed names are the contract's: base path and security header. */
class ContractFidelityTest {

    private static final ContractValidator CONTRACT = ContractValidator.load();

    @Test
    void theServiceMountsTheApiAtThePathOfEveryServerUrl() {
        assertThat(CONTRACT.basePaths()).hasSize(3).allSatisfy(path -> assertThat(path).isEqualTo(ApiPaths.BASE));
    }

    @Test
    void theOperationIsWhereTheServiceAnswersIt() {
        URI operation = URI.create("http://127.0.0.1:3002" + ApiPaths.BASE + "/clients/c1/documents/request-batch-download");
        assertThat(CONTRACT.operation("POST", operation)).get()
                .satisfies(op -> assertThat(op.node().path("operationId").asText()).isEqualTo("generateClientPreSignedUrlForDownload"))
                .satisfies(op -> assertThat(op.pathValues()).containsEntry("clientId", "c1"));
    }

    @Test
    void theApiKeyHeaderIsTheContractsSecurityScheme() {
        assertThat(ApiKeyFilter.HEADER).isEqualTo("RIALTO_API_KEY");
        assertThat(CONTRACT.checkRequest("POST",
                URI.create("http://h" + ApiPaths.BASE + "/clients/c1/documents/request-batch-download"),
                Map.of(ApiKeyFilter.HEADER, List.of("k"), "Content-Type", List.of("application/json")),
                "{}")).isEmpty();
    }
}
