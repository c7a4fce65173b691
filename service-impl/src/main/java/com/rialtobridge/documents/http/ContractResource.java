package com.rialtobridge.documents.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The contract the service was built from, served as it is: a caller (or a generator) needs it
 * before it has an API key, so {@link ApiKeyFilter} lets these two paths through.
 *
 * <p>The YAML is the classpath copy that the openapi module packages byte for byte, so what is
 * served is exactly the file the interface was generated from; the JSON is the same document.
 */
@Path(ApiPaths.BASE)
public final class ContractResource {

    /** Where the openapi module puts openapi/rialto-manager-api.yaml on the classpath. */
    public static final String CLASSPATH_YAML = "/openapi/rialto-manager-api.yaml";
    /** RFC 9512. */
    public static final String APPLICATION_YAML = "application/yaml";

    private final byte[] yaml;
    private final byte[] json;

    public ContractResource() {
        this.yaml = read(CLASSPATH_YAML);
        try {
            JsonNode document = new YAMLMapper().readTree(yaml);
            this.json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("the packaged contract " + CLASSPATH_YAML + " is not valid YAML", e);
        }
    }

    @GET
    @Path("openapi.yaml")
    @Produces(APPLICATION_YAML)
    public byte[] yaml() {
        return yaml.clone();
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] json() {
        return json.clone();
    }

    private static byte[] read(String resource) {
        try (InputStream in = ContractResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                // A build that forgot the openapi module must not start and answer 404 for the contract.
                throw new IllegalStateException("the contract " + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contract " + resource, e);
        }
    }
}
