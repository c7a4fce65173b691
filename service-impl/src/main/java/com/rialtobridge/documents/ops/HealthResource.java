package com.rialtobridge.documents.ops;

import com.rialtobridge.documents.http.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Liveness and readiness for load balancers and orchestrators, outside the API key check (they
 * are not under the API's base path). Live: the process answers HTTP. Ready: see {@link Readiness}.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final Readiness readiness;

    @Inject
    public HealthResource(Readiness readiness) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    @GET
    @Path("live")
    public Response live() {
        return Response.ok(Map.of("status", "live")).cacheControl(NO_STORE).build();
    }

    @GET
    @Path("ready")
    public CompletionStage<Response> ready(@jakarta.ws.rs.core.Context HttpHeaders headers) {
        String requestId = headers.getHeaderString("X-Request-Id");
        return readiness.check().thenApply(state -> {
            if (state.ready()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "ready");
                body.putAll(state.describe());
                return Response.ok(body).cacheControl(NO_STORE).build();
            }
            // Shaped like every other error answer of the service (RFC 9457), with the checks added.
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "urn:rialto-documents:problem:not-ready");
            body.put("title", "Not ready");
            body.put("status", 503);
            body.put("detail", state.reason());
            body.put("requestId", requestId == null ? "-" : requestId);
            body.putAll(state.describe());
            return Response.status(503).type(Problem.MEDIA).cacheControl(NO_STORE).entity(body).build();
        });
    }
}
