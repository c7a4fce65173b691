package com.rialtobridge.documents.bootstrap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Everything the service can be told, read once at start and validated by {@link ConfigLoader}.
 *
 * @param directoryFileGiven whether RIALTO_DIRECTORY_FILE was set: a missing file that the
 *                           operator named is an error, a missing default one means "first start"
 * @param s3Bucket           empty means: run the embedded store
 * @param docsEnabled        whether /docs serves Swagger UI
 * @param maxBodyBytes       the largest request body read; larger ones are refused unread
 * @param listMinKeys        keys under one client prefix from which a batch lists the prefix; 0 never lists
 * @param existenceCacheTtl  how long a key seen to exist is believed; zero turns the cache off
 * @param urlSigner          which implementation signs download URLs
 */
public record ServiceConfig(
        String httpHost,
        int httpPort,
        Path dataDir,
        Path directoryFile,
        boolean directoryFileGiven,
        Optional<String> s3Bucket,
        Region s3Region,
        Optional<URI> s3Endpoint,
        boolean s3PathStyle,
        int embeddedS3Port,
        int maxKeys,
        int maxConcurrentChecks,
        Duration requestTimeout,
        LogFormat logFormat,
        boolean docsEnabled,
        int maxBodyBytes,
        int listMinKeys,
        Duration existenceCacheTtl,
        UrlSignerKind urlSigner) {

    /** The bucket the embedded store creates and serves. */
    public static final String EMBEDDED_BUCKET = "rialto-documents";

    public ServiceConfig {
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(directoryFile, "directoryFile");
        Objects.requireNonNull(s3Bucket, "s3Bucket");
        Objects.requireNonNull(s3Region, "s3Region");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(existenceCacheTtl, "existenceCacheTtl");
        Objects.requireNonNull(urlSigner, "urlSigner");
    }

    public boolean usesEmbeddedStore() {
        return s3Bucket.isEmpty();
    }

    /** Where the embedded store keeps its objects. */
    public Path embeddedStoreDir() {
        return dataDir.resolve("s3");
    }
}
