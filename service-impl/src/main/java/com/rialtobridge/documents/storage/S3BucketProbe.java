package com.rialtobridge.documents.storage;

import com.rialtobridge.documents.download.DownloadMetrics;
import com.rialtobridge.documents.ops.StoreProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * HeadBucket: the cheapest call that proves the bucket exists, is reachable and accepts our
 * credentials. Needs {@code s3:ListBucket}, which the service needs anyway (see README).
 */
public final class S3BucketProbe implements StoreProbe {

    private static final String HEAD_BUCKET = "HeadBucket";

    private final S3AsyncClient s3;
    private final String bucket;
    private final DownloadMetrics metrics;

    public S3BucketProbe(S3AsyncClient s3, String bucket, DownloadMetrics metrics) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public CompletableFuture<Result> probe() {
        long started = System.nanoTime();
        return s3.headBucket(head -> head.bucket(bucket)).handle((response, failure) -> {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (failure == null) {
                metrics.storeCall(HEAD_BUCKET, "ok", took);
                return Result.up(date(response.sdkHttpResponse()));
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof AwsServiceException aws) {
                int status = aws.statusCode();
                metrics.storeCall(HEAD_BUCKET, status == 403 ? "denied" : status == 404 ? "missing" : "error", took);
                Optional<Instant> date = aws.awsErrorDetails() == null ? Optional.empty()
                        : date(aws.awsErrorDetails().sdkHttpResponse());
                String what = switch (status) {
                    case 403 -> "access to bucket '" + bucket + "' is denied (403): check the credentials and"
                            + " s3:ListBucket";
                    case 404 -> "bucket '" + bucket + "' does not exist (404)";
                    default -> "bucket '" + bucket + "' answered HTTP " + status;
                };
                return Result.down(what, date);
            }
            metrics.storeCall(HEAD_BUCKET, "error", took);
            return Result.down("the store cannot be reached", Optional.empty());
        });
    }

    private static Optional<Instant> date(SdkHttpResponse response) {
        if (response == null) {
            return Optional.empty();
        }
        return response.firstMatchingHeader("Date").flatMap(text -> {
            try {
                return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
