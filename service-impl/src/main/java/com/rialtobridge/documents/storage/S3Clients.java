package com.rialtobridge.documents.storage;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds every S3 client of the service from one {@link S3Location}, so that the presigner is
 * always configured like the clients (a presigner left on virtual-host addressing while the client
 * uses path style signs URLs that point nowhere).
 */
public final class S3Clients {

    /**
     * Attempts per store call, the first included. The SDK's standard strategy retries only what is
     * worth retrying (5xx, throttling such as 503 SlowDown, broken connections), with jittered backoff
     * and a retry budget; the call's deadline bounds all attempts together.
     */
    static final int MAX_ATTEMPTS = 3;

    private final S3Location location;
    private final AwsCredentialsProvider credentials;

    public S3Clients(S3Location location, AwsCredentialsProvider credentials) {
        this.location = Objects.requireNonNull(location, "location");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    public S3Location location() {
        return location;
    }

    /** For existence checks: non-blocking, so request threads are not held while S3 answers. */
    public S3AsyncClient asyncClient(int maxConnections, Duration callTimeout) {
        S3AsyncClientBuilder builder = S3AsyncClient.builder()
                .region(location.region())
                .credentialsProvider(credentials)
                .forcePathStyle(location.pathStyle())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .maxConcurrency(maxConnections)
                        .connectionAcquisitionTimeout(callTimeout)
                        .connectionTimeout(Duration.ofSeconds(2))
                        // A store that stops sending mid-answer frees the connection by the deadline.
                        .readTimeout(callTimeout)
                        .writeTimeout(callTimeout))
                .overrideConfiguration(o -> o
                        .apiCallTimeout(callTimeout)
                        // One slow attempt must leave time for another within the deadline.
                        .apiCallAttemptTimeout(callTimeout.dividedBy(2))
                        .retryStrategy(retry -> retry.maxAttempts(MAX_ATTEMPTS)));
        location.endpoint().ifPresent(endpoint -> builder
                .endpointOverride(endpoint)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    /** For commands (import, first-start seeding), where blocking is what we want. */
    public S3Client syncClient() {
        S3ClientBuilder builder = S3Client.builder()
                .region(location.region())
                .credentialsProvider(credentials)
                .forcePathStyle(location.pathStyle());
        location.endpoint().ifPresent(endpoint -> builder
                .endpointOverride(endpoint)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    /** Signs URLs for the same bucket as {@link #presigner()}, byte for byte, at a fraction of the cost. */
    public SigV4QueryUrlSigner queryUrlSigner(Clock clock) {
        return new SigV4QueryUrlSigner(location, credentials, clock);
    }

    public S3Presigner presigner() {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(location.region())
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(location.pathStyle()).build());
        location.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
