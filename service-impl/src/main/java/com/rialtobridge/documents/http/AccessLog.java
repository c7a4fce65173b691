package com.rialtobridge.documents.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One audit line per request: request id, manager (never the key), method, path (which names the
 * client), how many keys were asked for, the status and the time taken. Never a URL, key or body.
 */
@PreMatching
@Priority(RequestIds.PRIORITY + 1)
public final class AccessLog implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger("rialto.audit");
    private static final String STARTED = AccessLog.class.getName() + ".started";
    static final String KEY_COUNT = AccessLog.class.getName() + ".keys";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long micros = started instanceof Long t ? (System.nanoTime() - t) / 1000 : -1;
        Principal caller = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        Object keys = request.getProperty(KEY_COUNT);
        LOG.info("request={} manager={} method={} path=/{} keys={} status={} latency_ms={}",
                RequestIds.of(request.getHeaders()),
                caller == null ? "-" : caller.getName(),
                request.getMethod(),
                request.getUriInfo().getPath(false),
                keys == null ? "-" : keys,
                response.getStatus(),
                String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0));
    }
}
