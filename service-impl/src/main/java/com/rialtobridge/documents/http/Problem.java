package com.rialtobridge.documents.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The body of every error answer: RFC 9457 problem details, plus the request id to quote when
 * asking about it and, for a 404 on documents, the keys that were not found.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "requestId", "keys"})
public record Problem(String type, String title, int status, String detail, String requestId, List<String> keys) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    /** Problem types are stable names a caller can switch on; the README lists them. */
    static String type(String name) {
        return "urn:rialto-documents:problem:" + name;
    }
}
