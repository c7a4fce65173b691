package com.rialtobridge.documents.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rialtobridge.documents.download.ContentDisposition;
import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.documents.download.UrlSigner;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/** Where URLs point, and that cached signing material follows the clock and the credentials. */
class SigV4QueryUrlSignerTest {

    private static final DocumentKey KEY =
            new DocumentKey("rialto-clients/entities/d61b6b30-0bf6-4fe7-9110-905b78f938df/26f7380a_file1.pdf");
    private static final ContentDisposition DISPOSITION = ContentDisposition.attachment(KEY.filename());
    private static final AwsCredentials BASIC =
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static final AwsCredentials ROTATED =
            AwsSessionCredentials.create("ASIAROTATEDEXAMPLE", "rotatedSecretKeyEXAMPLE", "token/after+rotation=");
    private static final S3Location EU_WEST_1 =
            new S3Location("rialto-documents", Region.EU_WEST_1, Optional.empty(), false);

    @Test
    void usesTheHostsTheSdkUsesForAwsRegions() {
        // Setting this (or its profile-file twin) moves the SDK, and so this signer, to s3.us-east-1.
        assumeTrue(System.getenv("AWS_S3_US_EAST_1_REGIONAL_ENDPOINT") == null);

        assertThat(urlFor(new S3Location("rialto-documents", Region.US_EAST_1, Optional.empty(), false)))
                .startsWith("https://rialto-documents.s3.amazonaws.com/rialto-clients/");
        assertThat(urlFor(new S3Location("rialto-documents", Region.US_EAST_1, Optional.empty(), true)))
                .startsWith("https://s3.amazonaws.com/rialto-documents/rialto-clients/");
        assertThat(urlFor(EU_WEST_1))
                .startsWith("https://rialto-documents.s3.eu-west-1.amazonaws.com/rialto-clients/");
        assertThat(urlFor(new S3Location("rialto-documents", Region.EU_WEST_1, Optional.empty(), true)))
                .startsWith("https://s3.eu-west-1.amazonaws.com/rialto-documents/rialto-clients/");
    }

    @Test
    void keepsTheEndpointOverridesSchemePortAndPath() {
        assertThat(urlFor(new S3Location("docs", Region.US_EAST_1, Optional.of(URI.create("http://127.0.0.1:9000")), true)))
                .startsWith("http://127.0.0.1:9000/docs/rialto-clients/");
        assertThat(urlFor(new S3Location("docs", Region.US_EAST_1,
                Optional.of(URI.create("https://minio.internal:8443/gateway")), true)))
                .startsWith("https://minio.internal:8443/gateway/docs/rialto-clients/");
    }

    @Test
    void signsWhatTheSdkSignerSignsOnEitherSideOfMidnight() {
        Instant beforeMidnight = Instant.parse("2024-02-29T23:59:59.999Z");
        Instant afterMidnight = Instant.parse("2024-03-01T00:00:00Z");
        SettableClock clock = new SettableClock(beforeMidnight);
        UrlSigner signer = new SigV4QueryUrlSigner(EU_WEST_1, StaticCredentialsProvider.create(BASIC), clock);

        String before = signer.presignGet(KEY, DISPOSITION);
        clock.set(afterMidnight);
        String after = signer.presignGet(KEY, DISPOSITION);

        assertThat(before).contains("&X-Amz-Date=20240229T235959Z&")
                .contains("&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240229%2Feu-west-1%2Fs3%2Faws4_request&")
                .endsWith("&X-Amz-Signature=" + sdkSignature(BASIC, beforeMidnight));
        assertThat(after).contains("&X-Amz-Date=20240301T000000Z&")
                .contains("&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240301%2Feu-west-1%2Fs3%2Faws4_request&")
                .endsWith("&X-Amz-Signature=" + sdkSignature(BASIC, afterMidnight));
    }

    @Test
    void picksUpRotatedCredentialsOnTheNextUrl() {
        SettableClock clock = new SettableClock(Instant.parse("2026-01-15T10:00:00Z"));
        AtomicReference<AwsCredentials> current = new AtomicReference<>(BASIC);
        AwsCredentialsProvider rotating = current::get;
        UrlSigner signer = new SigV4QueryUrlSigner(EU_WEST_1, rotating, clock);

        String first = signer.presignGet(KEY, DISPOSITION);
        current.set(ROTATED);
        String second = signer.presignGet(KEY, DISPOSITION);

        assertThat(first).contains("X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F").doesNotContain("X-Amz-Security-Token");
        assertThat(second).contains("X-Amz-Credential=ASIAROTATEDEXAMPLE%2F")
                .contains("&X-Amz-Security-Token=token%2Fafter%2Brotation%3D&")
                .endsWith("&X-Amz-Signature=" + sdkSignature(ROTATED, clock.instant()));
    }

    @Test
    void threadsSigningAtOnceGetTheUrlsOneThreadGets() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-01-15T10:00:00Z"));
        UrlSigner signer = new SigV4QueryUrlSigner(EU_WEST_1, StaticCredentialsProvider.create(BASIC), clock);
        RandomDocumentKeys generator = new RandomDocumentKeys(42);
        List<DocumentKey> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(generator.next());
        }
        List<String> expected = signAll(signer, keys);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> signAll(signer, keys));
            }
            for (Future<List<String>> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> signAll(UrlSigner signer, List<DocumentKey> keys) {
        List<String> urls = new ArrayList<>(keys.size());
        for (DocumentKey key : keys) {
            urls.add(signer.presignGet(key, ContentDisposition.attachment(key.filename())));
        }
        return urls;
    }

    private static String urlFor(S3Location location) {
        return new SigV4QueryUrlSigner(location, StaticCredentialsProvider.create(BASIC), new SettableClock(Instant.EPOCH))
                .presignGet(KEY, DISPOSITION);
    }

    /**
     * The signature the SDK's own SigV4 signer computes for the same GET at a fixed time. Unlike
     * S3Presigner it takes a clock, which is what a test of midnight needs.
     */
    private static String sdkSignature(AwsCredentials credentials, Instant at) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("https://rialto-documents.s3.eu-west-1.amazonaws.com/" + KEY.value()))
                .putRawQueryParameter("response-content-disposition", DISPOSITION.headerValue())
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials)
                .request(request)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, UrlSigner.VALIDITY)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, java.time.Clock.fixed(at, java.time.ZoneOffset.UTC)));
        return signed.request().firstMatchingRawQueryParameter("X-Amz-Signature").orElseThrow();
    }
}
