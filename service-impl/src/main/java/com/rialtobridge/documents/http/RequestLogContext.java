package com.rialtobridge.documents.http;

import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.slf4j.MDC;

/**
 * Puts the request id in the logging context ({@code requestId} in the MDC) of whichever thread is
 * working on the request, so every line logged for it carries the id.
 *
 * <p>The operation is asynchronous: the worker thread that ran the resource method hands the request
 * over and goes back to the pool, and the error mapping, response filters and access log run later on
 * the thread that completed the store calls. Jersey reports each step on the thread doing it, so the
 * id is set on every step and removed when a thread is done with the request.
 */
public final class RequestLogContext implements ApplicationEventListener {

    /** The MDC key; the log encoders print it (text) or carry it in the {@code mdc} object (JSON). */
    public static final String MDC_KEY = "requestId";

    @Override
    public void onEvent(ApplicationEvent event) {
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        return RequestLogContext::onRequestEvent;
    }

    private static void onRequestEvent(RequestEvent event) {
        switch (event.getType()) {
            // The resource method returned: for an asynchronous one this thread is about to leave the request.
            case RESOURCE_METHOD_FINISHED, FINISHED -> MDC.remove(MDC_KEY);
            default -> put(event.getContainerRequest());
        }
    }

    /** Sets the id from the request, once {@link RequestIds} has settled it. */
    static void put(ContainerRequest request) {
        if (request == null) {
            return;
        }
        String id = request.getHeaderString(RequestIds.HEADER);
        if (id != null) {
            MDC.put(MDC_KEY, id);
        }
    }
}
