package com.rialtobridge.documents.download;

import com.rialtobridge.documents.access.ClientId;
import com.rialtobridge.documents.access.Manager;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The operation itself: may this manager see this client, are these keys the client's documents,
 * and if so, one pre-signed URL per distinct key, in the order asked.
 */
public final class BatchDownloadService {

    private final ExistenceChecks checks;
    private final UrlSigner signer;
    private final DownloadLimits limits;
    private final DownloadMetrics metrics;

    public BatchDownloadService(DocumentStore store, ExistencePolicy policy, UrlSigner signer, DownloadLimits limits) {
        this(store, policy, signer, limits, DownloadMetrics.NONE);
    }

    public BatchDownloadService(DocumentStore store, ExistencePolicy policy, UrlSigner signer, DownloadLimits limits,
            DownloadMetrics metrics) {
        this.checks = new ExistenceChecks(store, policy, Ticker.systemTicker(), metrics);
        this.signer = Objects.requireNonNull(signer, "signer");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * @param caller  the authenticated manager
     * @param client  the client id from the path, as sent
     * @param keys    the keys from the body, as sent (the body's {@code keys}; absent means none)
     * @throws InvalidRequestException  at once, when the keys break the contract or our limits
     */
    public CompletableFuture<List<PresignedDownload>> presign(Manager caller, String client, List<String> keys) {
        List<DocumentKey> requested = distinctValidKeys(keys);
        Optional<ClientId> clientId = ClientId.parse(client).filter(caller::manages);
        if (clientId.isEmpty()) {
            return CompletableFuture.failedFuture(new ClientNotFoundException());
        }
        // A key outside the client's prefix is never looked up: whether it exists is not this caller's business.
        List<DocumentKey> owned = requested.stream().filter(k -> k.belongsTo(clientId.get())).toList();
        return checks.existing(owned, limits.maxConcurrentChecks())
                .orTimeout(limits.deadline().toMillis(), TimeUnit.MILLISECONDS)
                .handle((existing, failure) -> {
                    if (failure != null) {
                        throw asStoreFailure(failure);
                    }
                    List<String> missing = new ArrayList<>();
                    for (DocumentKey key : requested) {
                        if (!existing.contains(key)) {
                            missing.add(key.value());
                        }
                    }
                    if (!missing.isEmpty()) {
                        throw new DocumentsNotFoundException(missing);
                    }
                    List<PresignedDownload> signed = requested.stream().map(this::sign).toList();
                    metrics.urlsIssued(signed.size());
                    return signed;
                });
    }

    private PresignedDownload sign(DocumentKey key) {
        String filename = key.filename();
        return new PresignedDownload(key, filename, signer.presignGet(key, ContentDisposition.attachment(filename)));
    }

    private List<DocumentKey> distinctValidKeys(List<String> keys) {
        if (keys == null) {
            throw new InvalidRequestException("'keys' must be an array of strings.");
        }
        if (keys.size() > limits.maxKeys()) {
            throw new InvalidRequestException("At most " + limits.maxKeys() + " keys may be requested at once; got "
                    + keys.size() + ".");
        }
        LinkedHashSet<DocumentKey> distinct = new LinkedHashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (key == null) {
                throw new InvalidRequestException("keys[" + i + "] must be a string, not null.");
            }
            String problem = DocumentKey.problemWith(key);
            if (problem != null) {
                throw new InvalidRequestException("keys[" + i + "] is not a valid document key: it " + problem + ".");
            }
            distinct.add(new DocumentKey(key));
        }
        return List.copyOf(distinct);
    }

    private RuntimeException asStoreFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return new DeadlineExceededException(limits.deadline());
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new DocumentStoreException("the document store failed", cause);
    }
}
