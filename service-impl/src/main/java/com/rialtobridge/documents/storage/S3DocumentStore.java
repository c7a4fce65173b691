package com.rialtobridge.documents.storage;

import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.documents.download.DocumentStore;
import com.rialtobridge.documents.download.DocumentStoreException;
import com.rialtobridge.documents.download.DownloadMetrics;
import java.time.Duration;
import com.rialtobridge.documents.download.PrefixListing;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Existence checks with HeadObject (one small request per key, no body transferred) and
 * ListObjectsV2 (one request per 1000 keys under a prefix).
 */
public final class S3DocumentStore implements DocumentStore {

    private static final String HEAD_OBJECT = "HeadObject";
    private static final String LIST_OBJECTS = "ListObjectsV2";

    private final S3AsyncClient s3;
    private final String bucket;
    private final DownloadMetrics metrics;

    public S3DocumentStore(S3AsyncClient s3, String bucket) {
        this(s3, bucket, DownloadMetrics.NONE);
    }

    public S3DocumentStore(S3AsyncClient s3, String bucket, DownloadMetrics metrics) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public CompletableFuture<Boolean> exists(DocumentKey key) {
        long started = System.nanoTime();
        return s3.headObject(b -> b.bucket(bucket).key(key.value()))
                .handle((response, failure) -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    if (failure == null) {
                        metrics.storeCall(HEAD_OBJECT, "found", took);
                        return true;
                    }
                    Throwable cause = unwrap(failure);
                    if (cause instanceof NoSuchKeyException
                            || cause instanceof S3Exception s3e && s3e.statusCode() == 404) {
                        metrics.storeCall(HEAD_OBJECT, "missing", took);
                        return false;
                    }
                    if (cause instanceof S3Exception s3e && s3e.statusCode() == 403) {
                        metrics.storeCall(HEAD_OBJECT, "denied", took);
                        // Without s3:ListBucket, S3 answers 403 for a key that does not exist: that is a
                        // deployment fault to fix, never a "not found" to tell the caller.
                        throw new DocumentStoreException("permission fault: the store refused HeadObject on bucket '"
                                + bucket + "' (403); the service's credentials need s3:GetObject and s3:ListBucket",
                                cause);
                    }
                    metrics.storeCall(HEAD_OBJECT, "error", took);
                    throw new DocumentStoreException("HeadObject on bucket '" + bucket + "' failed", cause);
                });
    }

    @Override
    public CompletableFuture<PrefixListing> list(String prefix, int maxKeys) {
        return page(prefix, null, maxKeys, new HashSet<>());
    }

    /** One page after another (each needs the previous one's token), until done or {@code maxKeys} seen. */
    private CompletableFuture<PrefixListing> page(String prefix, String token, int maxKeys, Set<String> seen) {
        int pageSize = Math.min(1000, maxKeys - seen.size());
        long started = System.nanoTime();
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(pageSize).continuationToken(token))
                .handle((response, failure) -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    if (failure != null) {
                        RuntimeException problem = listingFailure(prefix, unwrap(failure));
                        metrics.storeCall(LIST_OBJECTS, problem.getMessage().startsWith("permission fault") ? "denied" : "error",
                                took);
                        throw problem;
                    }
                    metrics.storeCall(LIST_OBJECTS, "ok", took);
                    return response;
                })
                .thenCompose((ListObjectsV2Response response) -> {
                    for (S3Object object : response.contents()) {
                        seen.add(object.key());
                    }
                    boolean more = Boolean.TRUE.equals(response.isTruncated()) && response.nextContinuationToken() != null;
                    if (!more) {
                        return CompletableFuture.completedFuture(new PrefixListing(seen, true));
                    }
                    if (seen.size() >= maxKeys) {
                        return CompletableFuture.completedFuture(new PrefixListing(seen, false));
                    }
                    return page(prefix, response.nextContinuationToken(), maxKeys, seen);
                });
    }

    private RuntimeException listingFailure(String prefix, Throwable cause) {
        if (cause instanceof S3Exception s3e && s3e.statusCode() == 403) {
            // The same deployment fault as a 403 on HeadObject: the credentials lack s3:ListBucket.
            return new DocumentStoreException("permission fault: the store refused ListObjectsV2 on bucket '" + bucket
                    + "' (403); the service's credentials need s3:GetObject and s3:ListBucket", cause);
        }
        return new DocumentStoreException("ListObjectsV2 of prefix '" + prefix + "' on bucket '" + bucket + "' failed",
                cause);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
