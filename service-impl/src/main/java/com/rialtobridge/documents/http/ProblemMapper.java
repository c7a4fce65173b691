package com.rialtobridge.documents.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.rialtobridge.documents.download.ClientNotFoundException;
import com.rialtobridge.documents.download.DeadlineExceededException;
import com.rialtobridge.documents.download.DocumentStoreException;
import com.rialtobridge.documents.download.DocumentsNotFoundException;
import com.rialtobridge.documents.download.InvalidRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error policy of the service: every failure, wherever it is thrown, becomes an
 * {@code application/problem+json} answer with a status the contract documents where it can.
 * Messages shown to callers are written here or by the domain, never taken from a library, so no
 * class name, stack trace or internal detail leaves the service. Server faults are logged with
 * their cause and the request id; caller faults are not errors of ours and are not logged as such.
 */
@Provider
public final class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable failure = unwrap(thrown);
        String requestId = RequestIds.of(headers);
        Problem problem = describe(failure, requestId);
        if (problem.status() >= 500) {
            if (failure instanceof DocumentStoreException) {
                LOG.error("request {} failed: {}: {}", requestId, failure.getMessage(), describeCause(failure.getCause()));
            } else {
                LOG.error("request {} failed unexpectedly", requestId, failure);
            }
        }
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA).entity(problem);
        if (failure instanceof NotAllowedException notAllowed) {
            response.allow(notAllowed.getResponse().getAllowedMethods());
        }
        return response.build();
    }

    private static Problem describe(Throwable failure, String requestId) {
        if (failure instanceof UnauthenticatedException) {
            return problem(401, "unauthorized", "Invalid API key",
                    "Send a valid API key in the RIALTO_API_KEY header.", requestId);
        }
        if (failure instanceof InvalidRequestException) {
            return problem(400, "invalid-request", "Invalid request payload", failure.getMessage(), requestId);
        }
        if (failure instanceof JsonProcessingException json) {
            return problem(400, "invalid-request", "Invalid request payload", describeJson(json), requestId);
        }
        if (failure instanceof ClientNotFoundException) {
            return problem(404, "client-not-found", "Client not found",
                    "No client with this id is managed by the caller.", requestId);
        }
        if (failure instanceof DocumentsNotFoundException notFound) {
            return new Problem(Problem.type("documents-not-found"), "Document not found", 404,
                    notFound.keys().size() + " of the requested keys name no document of this client.",
                    requestId, notFound.keys());
        }
        if (failure instanceof DeadlineExceededException) {
            return problem(500, "store-timeout", "An unexpected error occurred.",
                    "The document store did not answer in time. Try again later.", requestId);
        }
        if (failure instanceof DocumentStoreException) {
            return problem(500, "store-unavailable", "An unexpected error occurred.",
                    "The document store could not be reached. Try again later.", requestId);
        }
        if (failure instanceof NotSupportedException) {
            // The contract documents 400 for a bad request, not 415.
            return problem(400, "invalid-request", "Invalid request payload",
                    "The request body must be JSON, sent with Content-Type: application/json.", requestId);
        }
        if (failure instanceof NotAcceptableException) {
            return problem(400, "invalid-request", "Invalid request",
                    "This operation answers application/json; the Accept header must allow it.", requestId);
        }
        if (failure instanceof NotFoundException) {
            return problem(404, "not-found", "Not found", "There is nothing at this path.", requestId);
        }
        if (failure instanceof NotAllowedException) {
            return problem(405, "method-not-allowed", "Method not allowed",
                    "This path does not answer this HTTP method.", requestId);
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return problem(status.getStatusCode(), "http-" + status.getStatusCode(), status.getReasonPhrase(),
                    "The request could not be handled as sent.", requestId);
        }
        return problem(500, "internal-error", "An unexpected error occurred.",
                "The service failed to handle this request. Quote the request id when reporting it.", requestId);
    }

    private static Problem problem(int status, String type, String title, String detail, String requestId) {
        return new Problem(Problem.type(type), title, status, detail, requestId, null);
    }

    /** Says what is wrong with a body in the caller's terms: where, and what was expected. */
    private static String describeJson(JsonProcessingException json) {
        if (json instanceof StreamConstraintsException) {
            return "The request body is too large or too deeply nested.";
        }
        if (json instanceof JsonParseException parse) {
            return "The request body is not well-formed JSON" + at(parse) + ".";
        }
        if (json instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return "'" + path(mismatch.getPath()) + "' has the wrong type: 'keys' must be an array of strings.";
        }
        if (json instanceof MismatchedInputException) {
            return "The request body must be a JSON object.";
        }
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "'" + path(mapping.getPath()) + "' is not valid.";
        }
        return "The request body is not valid JSON for this operation" + at(json) + ".";
    }

    private static String at(JsonProcessingException json) {
        return json.getLocation() == null ? ""
                : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        return references.stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable failure = thrown;
        while ((failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        // A refusal raised while the body was being read (its size, its encoding) arrives wrapped by the parser.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidRequestException invalid) {
                return invalid;
            }
        }
        // Jersey wraps a body it could not read; what the caller did wrong is the cause.
        if (failure instanceof WebApplicationException && failure.getCause() instanceof JsonProcessingException json) {
            return json;
        }
        return failure;
    }

    private static String describeCause(Throwable cause) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return out.length() == 0 ? "no cause" : out.toString();
    }
}
