package com.rialtobridge.documents.http;

import com.rialtobridge.documents.access.Manager;
import com.rialtobridge.documents.download.BatchDownloadService;
import com.rialtobridge.documents.download.InvalidRequestException;
import com.rialtobridge.documents.download.PresignedDownload;
import com.rialtobridge.manager.api.DocumentsApi;
import com.rialtobridge.manager.model.BatchDownloadRequest;
import com.rialtobridge.manager.model.BatchDownloadResponse;
import com.rialtobridge.manager.model.PreSignedUrl;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The generated DocumentsApi, answered by delegating to the download service.
 *
 * <p>One instance per request, on purpose: the request context is not a proxy in Jersey, so a
 * singleton would keep the first request's caller for every later request.
 */
public final class DocumentsResource implements DocumentsApi {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final BatchDownloadService downloads;
    private final ContainerRequestContext request;

    /**
     * @param request the generated method signature has no room for the caller, so it comes with
     *                the request, where {@link ApiKeyFilter} put it
     */
    @Inject
    public DocumentsResource(BatchDownloadService downloads, @Context ContainerRequestContext request) {
        this.downloads = Objects.requireNonNull(downloads, "downloads");
        this.request = Objects.requireNonNull(request, "request");
    }

    @Override
    public CompletionStage<Response> generateClientPreSignedUrlForDownload(String clientId, BatchDownloadRequest body) {
        // ApiKeyFilter has authenticated every path under the API; checking again here means a
        // path trick that slipped past it would meet a 401, not a request without a caller.
        if (!(request.getSecurityContext().getUserPrincipal() instanceof Manager caller)) {
            throw new UnauthenticatedException();
        }
        if (body == null) {
            throw new InvalidRequestException("The request body must be a JSON object.");
        }
        request.setProperty(AccessLog.KEY_COUNT, body.getKeys() == null ? 0 : body.getKeys().size());
        return downloads.presign(caller, clientId, body.getKeys()).thenApply(DocumentsResource::created);
    }

    private static Response created(List<PresignedDownload> downloads) {
        BatchDownloadResponse body = new BatchDownloadResponse().preSignedUrls(downloads.stream()
                .map(d -> new PreSignedUrl().key(d.key().value()).filename(d.filename()).preSignedUrl(d.url()))
                .toList());
        // Each URL is a bearer credential for five minutes: no cache on the way may keep a copy.
        return Response.status(Response.Status.CREATED).cacheControl(NO_STORE).entity(body).build();
    }
}
