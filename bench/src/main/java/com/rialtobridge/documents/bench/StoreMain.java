package com.rialtobridge.documents.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A signature-checking store in its own process, standing in for a real bucket: the load bench
 * starts the service against it (RIALTO_S3_BUCKET + RIALTO_S3_ENDPOINT) to time a start that, as in
 * production, does not include starting a store. Credentials come from AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY. Prints {@code STORE_ENDPOINT=...} once ready; runs until killed.
 *
 * <pre>StoreMain DIRECTORY BUCKET</pre>
 */
public final class StoreMain {

    private StoreMain() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Files.createDirectories(Path.of(args[0]));
        String bucket = args[1];
        var credentials = EnvironmentVariableCredentialsProvider.create().resolveCredentials();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(directory.toAbsolutePath().normalize().toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, credentials.accessKeyId(), credentials.secretAccessKey())
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        var clients = new com.rialtobridge.documents.storage.S3Clients(new com.rialtobridge.documents.storage.S3Location(
                bucket, Region.US_EAST_1, Optional.of(endpoint), true), EnvironmentVariableCredentialsProvider.create());
        try (var s3 = clients.syncClient()) {
            new com.rialtobridge.documents.storage.S3DocumentUploader(s3, bucket).ensureBucket();
        }
        System.out.println("STORE_ENDPOINT=" + endpoint);
        System.out.flush();
        Thread.currentThread().join();
    }
}
