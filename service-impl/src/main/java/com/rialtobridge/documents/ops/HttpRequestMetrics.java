package com.rialtobridge.documents.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Times every request from the moment Jersey sees it until its answer is written, tagged by method,
 * status and the matched path template (never the path itself, which names clients).
 *
 * <p>Written here rather than taken from jersey-micrometer because that listener starts its timer
 * when a resource is matched, so a request refused before matching (every 401 of the API key
 * filter) would never be counted, and those are the ones an operator most wants to see.
 */
final class HttpRequestMetrics implements ApplicationEventListener {

    /** The tag of a request answered before any resource matched it: a 401, or a path that does not exist. */
    static final String UNMATCHED = "UNMATCHED";

    private final MeterRegistry registry;
    private final String name;

    HttpRequestMetrics(MeterRegistry registry, String name) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public void onEvent(ApplicationEvent event) {
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        Timer.Sample sample = Timer.start(registry);
        return event -> {
            if (event.getType() != RequestEvent.Type.FINISHED) {
                return;
            }
            int status = event.getContainerResponse() == null ? 500 : event.getContainerResponse().getStatus();
            sample.stop(Timer.builder(name)
                    .description("HTTP requests by method, path template and status")
                    .tag("method", event.getContainerRequest().getMethod())
                    .tag("uri", template(event))
                    .tag("status", Integer.toString(status))
                    .tag("outcome", status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : "SUCCESS")
                    .register(registry));
        };
    }

    private static String template(RequestEvent event) {
        List<UriTemplate> matched = new ArrayList<>(event.getUriInfo().getMatchedTemplates());
        if (matched.isEmpty() || event.getUriInfo().getMatchedResourceMethod() == null) {
            return UNMATCHED;
        }
        Collections.reverse(matched);
        StringBuilder path = new StringBuilder();
        for (UriTemplate template : matched) {
            String part = template.getTemplate();
            if (!part.isEmpty() && !part.equals("/")) {
                path.append(part.startsWith("/") ? "" : "/").append(part);
            }
        }
        return path.length() == 0 ? "/" : path.toString().replaceAll("/+", "/");
    }
}
