package com.rialtobridge.documents.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request one id, echoed in {@code X-Request-Id}, in the problem body and in its log lines.
 * A caller's own id is kept when it is a plain token, so their logs and ours can be joined; anything
 * else is replaced, so a header cannot inject text into our logs.
 */
@PreMatching
@Priority(RequestIds.PRIORITY)
public final class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    static final int PRIORITY = 100;
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> sent = request.getHeaders().get(HEADER);
        String id = sent != null && sent.size() == 1 && ACCEPTED.matcher(sent.get(0)).matches()
                ? sent.get(0)
                : UUID.randomUUID().toString();
        // Rewritten in place, so later filters, the resource and the error mapping all read the same id.
        request.getHeaders().putSingle(HEADER, id);
        org.slf4j.MDC.put(RequestLogContext.MDC_KEY, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, of(request.getHeaders()));
    }

    static String of(jakarta.ws.rs.core.MultivaluedMap<String, String> headers) {
        String id = headers.getFirst(HEADER);
        return id != null ? id : "-";
    }

    static String of(HttpHeaders headers) {
        String id = headers.getHeaderString(HEADER);
        return id != null ? id : "-";
    }
}
