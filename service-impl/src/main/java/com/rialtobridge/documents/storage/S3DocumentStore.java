package com.rialtobridge.documents.storage;

import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.documents.download.DocumentStore;
import com.rialtobridge.documents.download.DocumentStoreException;
import com.rialtobridge.documents.download.DownloadMetrics;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Existence checks with HeadObject: one small request per key, no body transferred. */
public final class S3DocumentStore implements DocumentStore {

    private static final String HEAD_OBJECT = "HeadObject";

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
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
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
}
