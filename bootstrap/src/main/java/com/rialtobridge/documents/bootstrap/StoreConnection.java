package com.rialtobridge.documents.bootstrap;

import com.rialtobridge.documents.download.UrlSigner;
import com.rialtobridge.documents.storage.LongLivedCredentials;
import com.rialtobridge.documents.storage.S3Clients;
import com.rialtobridge.documents.storage.S3Location;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The store the configuration names: a real bucket through the AWS SDK's default credentials chain,
 * or, when no bucket is configured, the embedded store started here.
 */
final class StoreConnection implements AutoCloseable {

    private final S3Clients clients;
    private final Optional<EmbeddedS3Store> embedded;

    private StoreConnection(S3Clients clients, Optional<EmbeddedS3Store> embedded) {
        this.clients = clients;
        this.embedded = embedded;
    }

    static StoreConnection open(ServiceConfig config, int embeddedPort, PrintStream progress) throws IOException {
        if (!config.usesEmbeddedStore()) {
            S3Location location = new S3Location(config.s3Bucket().orElseThrow(), config.s3Region(),
                    config.s3Endpoint(), config.s3PathStyle());
            // Temporary credentials must outlive every URL they sign: five minutes, plus a minute of clock skew.
            LongLivedCredentials credentials = new LongLivedCredentials(() -> DefaultCredentialsProvider.builder().build(),
                    UrlSigner.VALIDITY.plusMinutes(1), Clock.systemUTC());
            return new StoreConnection(new S3Clients(location, credentials), Optional.empty());
        }
        progress.println("Starting the embedded S3-compatible store on 127.0.0.1:" + embeddedPort
                + " (objects in " + config.embeddedStoreDir().toAbsolutePath().normalize() + ") ...");
        EmbeddedS3Store store = EmbeddedS3Store.start(config.embeddedStoreDir(), embeddedPort);
        S3Location location = new S3Location(ServiceConfig.EMBEDDED_BUCKET, config.s3Region(),
                Optional.of(store.endpoint()), true);
        StoreConnection connection = new StoreConnection(new S3Clients(location, store.credentials()), Optional.of(store));
        try (var s3 = connection.clients.syncClient()) {
            new com.rialtobridge.documents.storage.S3DocumentUploader(s3, location.bucket()).ensureBucket();
        }
        return connection;
    }

    S3Clients clients() {
        return clients;
    }

    String bucket() {
        return clients.location().bucket();
    }

    boolean isEmbedded() {
        return embedded.isPresent();
    }

    @Override
    public void close() {
        embedded.ifPresent(EmbeddedS3Store::close);
    }
}
