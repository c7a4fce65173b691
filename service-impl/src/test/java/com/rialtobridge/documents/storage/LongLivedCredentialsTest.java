package com.rialtobridge.documents.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rialtobridge.documents.download.ContentDisposition;
import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.documents.download.UrlSigner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/** A URL signed with temporary credentials must not die before its five minutes are up. */
class LongLivedCredentialsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration NEEDED = UrlSigner.VALIDITY.plusMinutes(1);
    private static final DocumentKey KEY = new DocumentKey("rialto-clients/individuals/c-1/0b6f1e38-3a49-4e8a-9d59-6c4d5e2f1a0b_id.pdf");

    private static AwsSessionCredentials session(String token, Duration validFor) {
        return AwsSessionCredentials.builder().accessKeyId("ASIA" + token.toUpperCase()).secretAccessKey("secret-" + token)
                .sessionToken(token).expirationTime(NOW.plus(validFor)).build();
    }

    /** Each new provider (a new, empty cache) hands out the next credentials of the queue. */
    private static LongLivedCredentials providers(Deque<AwsSessionCredentials> queue, AtomicInteger made) {
        return new LongLivedCredentials(() -> {
            made.incrementAndGet();
            AwsSessionCredentials next = queue.removeFirst();
            return StaticCredentialsProvider.create(next);
        }, NEEDED, CLOCK);
    }

    private static URI sign(AwsCredentialsProvider credentials) {
        S3Clients clients = new S3Clients(new S3Location("bucket", Region.EU_WEST_1, Optional.of(URI.create("http://127.0.0.1:9")), true),
                credentials);
        try (var presigner = clients.presigner()) {
            return URI.create(new S3PresignerUrlSigner(presigner, "bucket").presignGet(KEY, ContentDisposition.attachment("id.pdf")));
        }
    }

    @Test
    void credentialsThatExpireWithinTheUrlsLifetimeAreReplacedBeforeSigning() {
        AtomicInteger made = new AtomicInteger();
        LongLivedCredentials credentials = providers(new ArrayDeque<>(List.of(
                session("soon-gone", Duration.ofMinutes(2)), session("fresh", Duration.ofHours(1)))), made);

        URI url = sign(credentials);

        assertThat(url.getRawQuery()).contains("X-Amz-Security-Token=fresh", "X-Amz-Expires=300", "Credential=ASIAFRESH")
                .doesNotContain("soon-gone");
        assertThat(made).hasValue(2);
        // The fresh ones are long enough: no further fetch for the next URL.
        assertThat(sign(credentials).getRawQuery()).contains("X-Amz-Security-Token=fresh");
        assertThat(made).hasValue(2);
    }

    @Test
    void credentialsValidLongEnoughAreUsedAsTheyAre() {
        AtomicInteger made = new AtomicInteger();
        LongLivedCredentials credentials = providers(new ArrayDeque<>(List.of(
                session("long", NEEDED.plusSeconds(1)))), made);
        assertThat(sign(credentials).getRawQuery()).contains("X-Amz-Security-Token=long");
        assertThat(made).hasValue(1);
    }

    @Test
    void staticKeysWithoutExpiryPassThrough() {
        LongLivedCredentials credentials = new LongLivedCredentials(
                () -> StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASTATIC", "secret")), NEEDED, CLOCK);
        assertThat(sign(credentials).getRawQuery()).contains("Credential=AKIASTATIC").doesNotContain("X-Amz-Security-Token");
    }

    @Test
    void whenTheChainOnlyHasShortLivedCredentialsNothingIsSigned() {
        LongLivedCredentials credentials = providers(new ArrayDeque<>(List.of(
                session("a", Duration.ofMinutes(1)), session("b", Duration.ofMinutes(3)))), new AtomicInteger());
        assertThatThrownBy(() -> sign(credentials)).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("sooner than");
    }
}
