package com.rialtobridge.documents.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.rialtobridge.documents.bootstrap.TestService;
import com.rialtobridge.documents.http.ApiPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The service serves the very contract it was built from, to anyone, as YAML and as JSON. */
@ExtendWith(SharedService.class)
class ServedContractTest {

    /** The source file in the repository (surefire runs in this module's directory). */
    private static final Path SOURCE = Path.of("..", "openapi", "rialto-manager-api.yaml");

    static TestService rialto;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void connect() {
        rialto = SharedService.rialto();
    }

    private static HttpResponse<byte[]> get(String file) throws Exception {
        // No RIALTO_API_KEY: the contract is public.
        return HTTP.send(HttpRequest.newBuilder(URI.create(rialto.service.baseUri() + ApiPaths.BASE + "/" + file)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theYamlIsTheSourceFileByteForByte() throws Exception {
        HttpResponse<byte[]> response = get("openapi.yaml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml");
        assertThat(response.body()).isEqualTo(Files.readAllBytes(SOURCE));
    }

    @Test
    void theJsonIsTheSameDocument() throws Exception {
        HttpResponse<byte[]> response = get("openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode served = Exchanges.JSON.readTree(response.body());
        assertThat(served).isEqualTo(new YAMLMapper().readTree(SOURCE.toFile()));
        assertThat(served.path("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void otherPathsUnderTheApiStillNeedAKey() throws Exception {
        assertThat(get("openapi.yml").statusCode()).isEqualTo(401);
    }
}
