package com.rialtobridge.documents.bootstrap;

import java.io.CharConversionException;
import java.util.UUID;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/**
 * The few answers Grizzly gives on its own, before Jersey sees a request (a request line or header
 * it cannot parse, a header section too large, a method it will not pass on): problem+json like
 * every other answer of the service, instead of Grizzly's HTML page.
 */
final class ProblemErrorPages implements ErrorPageGenerator {

    @Override
    public String generate(Request request, int givenStatus, String reasonPhrase, String description, Throwable exception) {
        int status = givenStatus;
        if (status == 500 && isMalformedEncoding(exception)) {
            // A path with a broken %-escape is the caller's fault, which Grizzly reports as its own.
            status = 400;
            request.getResponse().setStatus(400);
        }
        String requestId = UUID.randomUUID().toString();
        var response = request.getResponse();
        response.setContentType("application/problem+json");
        // Grizzly writes the page through a Writer, which names its charset in the Content-Type.
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Request-Id", requestId);
        response.setHeader("Cache-Control", "no-store");
        String title = status >= 500 ? "An unexpected error occurred." : "Invalid request";
        String type = status >= 500 ? "internal-error" : status == 404 ? "not-found" : "invalid-request";
        String detail = status >= 500 ? "The service failed to handle this request. Quote the request id when reporting it."
                : "The request could not be read as HTTP/1.1.";
        // Only our own fixed texts and a UUID go in, so the JSON needs no escaping.
        return "{\"type\":\"urn:rialto-documents:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"requestId\":\"" + requestId + "\"}";
    }

    private static boolean isMalformedEncoding(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharConversionException || cause instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }
}
