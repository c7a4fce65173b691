package com.rialtobridge.documents.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Objects;

/** {@code GET /metrics}: the registry in Prometheus' text format, for a scraper on the service port. */
@Path("/metrics")
public final class MetricsResource {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    @Inject
    public MetricsResource(PrometheusMeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @GET
    public Response scrape() {
        return Response.ok(registry.scrape(), CONTENT_TYPE).build();
    }
}
