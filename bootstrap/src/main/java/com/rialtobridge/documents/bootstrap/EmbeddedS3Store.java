package com.rialtobridge.documents.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A real, signature-checking S3-compatible store (s3proxy) in this process, on loopback only, keeping
 * its objects under the data directory so they survive restarts. Its credentials are new on every
 * start: they live only in this process, and URLs signed with them die with it anyway.
 */
public final class EmbeddedS3Store implements AutoCloseable {

    private final S3Proxy proxy;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;

    private EmbeddedS3Store(S3Proxy proxy, URI endpoint, AwsCredentialsProvider credentials) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    /** Starts the store on 127.0.0.1:{@code port} (0 picks a free port) over {@code directory}. */
    public static EmbeddedS3Store start(Path directory, int port) throws IOException {
        Files.createDirectories(directory);
        HexFormat hex = HexFormat.of();
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[10];
        byte[] secret = new byte[30];
        random.nextBytes(id);
        random.nextBytes(secret);
        String accessKey = "EMBEDDED" + hex.formatHex(id).toUpperCase(java.util.Locale.ROOT);
        String secretKey = hex.formatHex(secret);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(directory.toAbsolutePath().normalize().toString()))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if ("FAILED".equals(proxy.getState()) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("state " + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new IOException("the embedded S3 store could not start on 127.0.0.1:" + port + " ("
                    + e.getMessage() + "); is the port in use? Set RIALTO_EMBEDDED_S3_PORT", e);
        }
        return new EmbeddedS3Store(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
    }

    public URI endpoint() {
        return endpoint;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    @Override
    public void close() {
        stopQuietly(proxy);
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            // Stopping is best effort at shutdown; its threads are daemon-free and end with the JVM.
        }
    }
}
