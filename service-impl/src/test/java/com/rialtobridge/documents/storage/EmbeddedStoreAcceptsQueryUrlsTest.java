package com.rialtobridge.documents.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.rialtobridge.documents.download.ContentDisposition;
import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.documents.download.UrlSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A signature-checking S3 store (s3proxy, in this process, on loopback) serves the fast signer's
 * URLs, with the signed Content-Disposition, and refuses them once tampered with.
 */
class EmbeddedStoreAcceptsQueryUrlsTest {

    private static final String BUCKET = "rialto-documents";
    private static final String CLIENT = "rialto-clients/entities/d61b6b30-0bf6-4fe7-9110-905b78f938df/";
    private static final List<DocumentKey> KEYS = List.of(
            new DocumentKey(CLIENT + "26f7380a-dbf7-46a4-9568-7881cc8bfce7_file1.pdf"),
            new DocumentKey(CLIENT + "7111bfb8-d6d3-4930-a6d0-eaa68a1c431a_a b+c=d%20e~f.pdf"),
            new DocumentKey(CLIENT + "sub dir/0b0e5a4c-5d4e-4f4e-8c1a-111111111111_Żółć \"quoted\"; 'x' (1) & [2].jpg"),
            new DocumentKey(CLIENT + "9a0f1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d_契約書 😀 résumé.pdf"));

    private static S3Proxy proxy;
    private static UrlSigner signer;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startStoreAndUpload() throws Exception {
        String accessKey = "EMBEDDEDTESTKEY";
        String secretKey = "embedded/test+secret=key";
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .stopTimeout(0)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            assertThat(proxy.getState()).as("s3proxy state").isNotEqualTo("FAILED");
            assertThat(System.nanoTime()).as("s3proxy started in time").isLessThan(deadline);
            Thread.sleep(10);
        }
        S3Location location = new S3Location(BUCKET, Region.US_EAST_1,
                Optional.of(URI.create("http://127.0.0.1:" + proxy.getPort())), true);
        S3Clients clients = new S3Clients(location,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        try (S3Client s3 = clients.syncClient()) {
            s3.createBucket(create -> create.bucket(BUCKET));
            for (DocumentKey key : KEYS) {
                s3.putObject(put -> put.bucket(BUCKET).key(key.value()), RequestBody.fromBytes(contentOf(key)));
            }
        }
        signer = clients.queryUrlSigner(Clock.systemUTC());
    }

    @AfterAll
    static void stopStore() throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
    }

    @Test
    void servesEachDocumentWithItsSignedDisposition() throws Exception {
        for (DocumentKey key : KEYS) {
            ContentDisposition disposition = ContentDisposition.attachment(key.filename());
            HttpResponse<byte[]> response = get(URI.create(signer.presignGet(key, disposition)));

            assertThat(response.statusCode()).as("status for %s", key).isEqualTo(200);
            assertThat(response.body()).as("bytes of %s", key).isEqualTo(contentOf(key));
            assertThat(response.headers().firstValue("Content-Disposition")).as("disposition of %s", key)
                    .contains(disposition.headerValue());
        }
    }

    @Test
    void refusesATamperedSignature() throws Exception {
        String url = signer.presignGet(KEYS.get(1), ContentDisposition.attachment(KEYS.get(1).filename()));
        char last = url.charAt(url.length() - 1);
        String tampered = url.substring(0, url.length() - 1) + (last == '0' ? '1' : '0');

        assertThat(get(URI.create(tampered)).statusCode()).isEqualTo(403);
    }

    @Test
    void refusesAnEditedDisposition() throws Exception {
        String url = signer.presignGet(KEYS.get(0), ContentDisposition.attachment("file1.pdf"));
        String edited = url.replace("filename%3D%22file1.pdf%22", "filename%3D%22evil.exe%22");

        assertThat(edited).isNotEqualTo(url);
        assertThat(get(URI.create(edited)).statusCode()).isEqualTo(403);
    }

    private static HttpResponse<byte[]> get(URI url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] contentOf(DocumentKey key) {
        return ("content of " + key.value()).getBytes(StandardCharsets.UTF_8);
    }
}
