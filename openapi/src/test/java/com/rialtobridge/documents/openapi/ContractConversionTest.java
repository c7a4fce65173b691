package com.rialtobridge.documents.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The YAML is a faithful conversion of the contract Rialto publishes as JSON. */
class ContractConversionTest {

    private static JsonNode packagedYaml() throws IOException {
        try (InputStream in = ContractConversionTest.class.getResourceAsStream("/openapi/rialto-manager-api.yaml")) {
            assertThat(in).as("the YAML is packaged on the classpath").isNotNull();
            return new YAMLMapper().readTree(in);
        }
    }

    private static JsonNode publishedJson() throws IOException {
        try (InputStream in = ContractConversionTest.class.getResourceAsStream("/seed-rialto-manager-documents-api.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void yamlParsesToTheSameDocumentAsThePublishedJson() throws IOException {
        assertThat(packagedYaml()).isEqualTo(publishedJson());
    }

    @Test
    void keepsTheDetailsGeneratorsAndCallersDependOn() throws IOException {
        JsonNode doc = packagedYaml();
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("servers").size()).isEqualTo(3);
        assertThat(doc.at("/servers/2/url").asText()).isEqualTo("http://localhost:3002/api/manager/v1");
        assertThat(doc.at("/components/securitySchemes/api_key/name").asText()).isEqualTo("RIALTO_API_KEY");
        assertThat(doc.at("/components/securitySchemes/api_key/in").asText()).isEqualTo("header");
        JsonNode post = doc.path("paths").path("/clients/{clientId}/documents/request-batch-download").path("post");
        assertThat(post.path("operationId").asText()).isEqualTo("generateClientPreSignedUrlForDownload");
        assertThat(post.path("responses").fieldNames()).toIterable().containsExactly("201", "400", "401", "404", "500");
        assertThat(post.path("description").asText()).contains("valid for 5 minutes");
    }

    /** Spelled out, so that a failure names the detail that was lost rather than "documents differ". */
    @Test
    void keepsEveryRialtoDetail() throws IOException {
        JsonNode doc = packagedYaml();
        assertThat(doc.path("servers")).extracting(s -> s.path("url").asText()).containsExactly(
                "https://api.rialtobridge.xyz/api/manager/v1",
                "https://staging.api.rialtobridge.xyz/api/manager/v1",
                "http://localhost:3002/api/manager/v1");
        assertThat(doc.path("servers")).allSatisfy(s -> assertThat(s.path("description").asText()).isNotBlank());
        assertThat(doc.at("/security/0/api_key").isArray()).as("the API key applies to every operation").isTrue();
        assertThat(doc.at("/components/securitySchemes/api_key/type").asText()).isEqualTo("apiKey");
        JsonNode post = doc.path("paths").path("/clients/{clientId}/documents/request-batch-download").path("post");
        assertThat(post.path("summary").asText()).isNotBlank();
        assertThat(post.at("/tags/0").asText()).isEqualTo("Documents (permanent storage)");
        assertThat(post.at("/parameters/0/name").asText()).isEqualTo("clientId");
        assertThat(post.at("/parameters/0/in").asText()).isEqualTo("path");
        assertThat(post.at("/parameters/0/required").asBoolean()).isTrue();
        JsonNode body = doc.at("/components/requestBodies/PreSignedDownloadUrls");
        assertThat(body.path("required").asBoolean()).isTrue();
        assertThat(body.at("/content/application~1json/schema/properties/keys/items/type").asText()).isEqualTo("string");
        JsonNode entry = post.at("/responses/201/content/application~1json/schema/properties/preSignedUrls/items/properties");
        assertThat(entry.fieldNames()).toIterable().containsExactly("key", "filename", "preSignedUrl");
        assertThat(post.path("responses")).allSatisfy(r -> assertThat(r.path("description").asText()).isNotBlank());
        JsonNode published = publishedJson().path("paths").path("/clients/{clientId}/documents/request-batch-download").path("post");
        for (String code : new String[] {"201", "400", "401", "404", "500"}) {
            assertThat(post.at("/responses/" + code + "/description")).as(code)
                    .isEqualTo(published.at("/responses/" + code + "/description"));
        }
    }
}
