package com.rialtobridge.documents.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The contract itself, as packaged from openapi/rialto-manager-api.yaml, byte for byte: what the
 * docs page loads, and what a caller can generate a client from. Public ({@link ApiKeyFilter}).
 */
@Path(ApiPaths.BASE + "/openapi.yaml")
public final class OpenApiDocumentResource {

    static final String RESOURCE = "/openapi/rialto-manager-api.yaml";

    @GET
    public Response contract() {
        try (InputStream in = OpenApiDocumentResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return Response.ok(in.readAllBytes(), "application/yaml; charset=utf-8").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
