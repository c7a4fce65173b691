package com.rialtobridge.documents.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.rialtobridge.documents.download.ContentDisposition;
import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.documents.download.UrlSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * The fast signer's URL is the SDK presigner's URL, byte for byte, over generated keys and every
 * way the service can be pointed at a store.
 *
 * <p>The presigner reads the system clock and offers no way to fix it, but it reports the expiry it
 * signed for, which is its signing instant plus the validity: the fast signer is set to that instant,
 * so both sign the same second without retries.
 */
class SigV4QueryUrlSignerDifferentialTest {

    private static final long SEED = 0x5167_4a11L;
    private static final int CASES = 10_000;

    private static final AwsCredentials BASIC =
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static final AwsCredentials SESSION = AwsSessionCredentials.create("ASIAIOSFODNN7EXAMPLE",
            "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
            "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+abc=/TOKEN+with+odd=chars");

    private static final List<S3Location> LOCATIONS = List.of(
            aws("rialto-documents", Region.US_EAST_1, false),
            aws("rialto-documents", Region.US_EAST_1, true),
            aws("rialto-documents", Region.EU_WEST_1, false),
            aws("rialto-documents", Region.EU_WEST_1, true),
            aws("rialto.documents", Region.AP_SOUTHEAST_2, false),
            custom("http://127.0.0.1:9000", false),
            custom("http://127.0.0.1:9000", true),
            custom("https://minio.internal:8443", true),
            custom("https://minio.internal", false),
            custom("https://minio.internal:443/s3-gateway", true));

    @Test
    void signsExactlyWhatTheSdkPresignerSigns() {
        RandomDocumentKeys keys = new RandomDocumentKeys(SEED);
        List<Pair> pairs = new ArrayList<>();
        for (S3Location location : LOCATIONS) {
            for (AwsCredentials credentials : List.of(BASIC, SESSION)) {
                pairs.add(new Pair(location, credentials));
            }
        }
        int compared = 0;
        int nearLimit = 0;
        int nonAscii = 0;
        try {
            for (int i = 0; i < CASES; i++) {
                Pair pair = pairs.get(i % pairs.size());
                DocumentKey key = keys.next();
                ContentDisposition disposition = ContentDisposition.attachment(key.filename());

                PresignedGetObjectRequest sdk = pair.sdk.presignGetObject(request -> request
                        .signatureDuration(UrlSigner.VALIDITY)
                        .getObjectRequest(get -> get
                                .bucket(pair.location.bucket())
                                .key(key.value())
                                .responseContentDisposition(disposition.headerValue())));
                pair.clock.set(sdk.expiration().minus(UrlSigner.VALIDITY));
                String fast = pair.fast.presignGet(key, disposition);

                assertThat(fast)
                        .as("case %d of seed %d: %s with %s, key [%s]", i, SEED, pair.location,
                                pair.credentials.getClass().getSimpleName(), key.value())
                        .isEqualTo(sdk.url().toString());
                compared++;
                int utf8 = key.value().getBytes(StandardCharsets.UTF_8).length;
                nearLimit += utf8 > 1000 ? 1 : 0;
                nonAscii += utf8 > key.value().length() ? 1 : 0;
            }
        } finally {
            pairs.forEach(pair -> pair.sdk.close());
        }
        assertThat(compared).isEqualTo(CASES);
        assertThat(nearLimit).as("keys over 1000 bytes of UTF-8").isGreaterThan(50);
        assertThat(nonAscii).as("keys with non-ASCII characters").isGreaterThan(CASES / 2);
    }

    private static S3Location aws(String bucket, Region region, boolean pathStyle) {
        return new S3Location(bucket, region, Optional.empty(), pathStyle);
    }

    private static S3Location custom(String endpoint, boolean pathStyle) {
        return new S3Location("rialto-documents", Region.US_EAST_1, Optional.of(URI.create(endpoint)), pathStyle);
    }

    /** The two signers for one location and one set of credentials, built as the service builds them. */
    private static final class Pair {

        final S3Location location;
        final AwsCredentials credentials;
        final SettableClock clock = new SettableClock(Instant.EPOCH);
        final S3Presigner sdk;
        final UrlSigner fast;

        Pair(S3Location location, AwsCredentials credentials) {
            this.location = location;
            this.credentials = credentials;
            S3Clients clients = new S3Clients(location, StaticCredentialsProvider.create(credentials));
            this.sdk = clients.presigner();
            this.fast = clients.queryUrlSigner(clock);
        }
    }
}
