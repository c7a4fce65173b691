package com.rialtobridge.documents.storage;

import com.rialtobridge.documents.download.ContentDisposition;
import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.documents.download.UrlSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;
import javax.crypto.Mac;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3Utilities;

/**
 * Pre-signs S3 GETs with SigV4 query authentication, producing byte for byte the URL the SDK's
 * {@code S3Presigner.presignGetObject} produces for the same location, credentials, second, key
 * and {@code response-content-disposition}, at a small fraction of its cost.
 *
 * <p>The presigner rebuilds the whole request pipeline (interceptors, endpoint rules, auth scheme
 * selection, a generic signer) for every URL. Here everything that does not depend on the key, the
 * second or the credentials is computed once, the signing key once per credentials and UTC day, and
 * a URL costs one SHA-256, one HMAC and the percent-encoding of its key and disposition.
 *
 * <p>Where the bucket lives (global or regional host, partition, path or virtual-host style, an
 * endpoint override and its port) is decided by the SDK's own endpoint rules, once, through
 * {@link S3Utilities}; this class only signs.
 */
public final class SigV4QueryUrlSigner implements UrlSigner {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String EXPIRES = Long.toString(VALIDITY.toSeconds());
    private static final long SECONDS_PER_DAY = 86_400;
    /** A key made only of unreserved characters, so the SDK's URL for it ends with it verbatim. */
    private static final String PROBE_KEY = "k";

    // The canonical query string sorts parameters by name (upper case before lower case); the URL
    // keeps the order in which the SDK adds them: the request's own parameter, the token, then the
    // signer's parameters.
    private static final byte[] CANONICAL_CREDENTIAL = ascii("\nX-Amz-Algorithm=" + ALGORITHM + "&X-Amz-Credential=");
    private static final byte[] CANONICAL_DATE = ascii("&X-Amz-Date=");
    private static final byte[] CANONICAL_EXPIRES = ascii("&X-Amz-Expires=" + EXPIRES);
    private static final byte[] TOKEN = ascii("&X-Amz-Security-Token=");
    private static final byte[] CANONICAL_DISPOSITION = ascii("&X-Amz-SignedHeaders=host&response-content-disposition=");
    private static final byte[] URL_DISPOSITION = ascii("?response-content-disposition=");
    private static final byte[] URL_DATE = ascii("&X-Amz-Algorithm=" + ALGORITHM + "&X-Amz-Date=");
    private static final byte[] URL_CREDENTIAL = ascii("&X-Amz-SignedHeaders=host&X-Amz-Credential=");
    private static final byte[] URL_SIGNATURE = ascii("&X-Amz-Expires=" + EXPIRES + "&X-Amz-Signature=");
    private static final byte[] STRING_TO_SIGN_START = ascii(ALGORITHM + "\n");

    /** Digests, MAC and buffers are not thread-safe and are costly to create, so each thread keeps its own. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final AwsCredentialsProvider credentials;
    private final Clock clock;
    private final String region;
    /** Scheme, authority and path up to the key, e.g. {@code https://bucket.s3.amazonaws.com/}. */
    private final byte[] urlStart;
    /** {@code GET}, then the path up to the key. */
    private final byte[] canonicalStart;
    /** The host header line, the signed headers and the payload hash that end the canonical request. */
    private final byte[] canonicalEnd;
    /** Replaced when the credentials or the UTC date change; a race only derives the same key twice. */
    private volatile SigningKey signingKey;

    /**
     * @param credentials resolved on every URL, so rotated credentials are picked up as soon as the
     *                    provider has them (providers cache, so this is cheap)
     * @param clock       the time a URL is signed at; its validity starts then
     */
    public SigV4QueryUrlSigner(S3Location location, AwsCredentialsProvider credentials, Clock clock) {
        Objects.requireNonNull(location, "location");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.region = location.region().id();

        URI base = objectUrlPrefix(location);
        String host = base.getPort() == -1 ? base.getHost() : base.getHost() + ":" + base.getPort();
        this.urlStart = ascii(base.toString());
        this.canonicalStart = ascii("GET\n" + base.getRawPath());
        this.canonicalEnd = ascii("\nhost:" + host + "\n\nhost\nUNSIGNED-PAYLOAD");
    }

    @Override
    public String presignGet(DocumentKey key, ContentDisposition disposition) {
        long now = Math.floorDiv(clock.millis(), 1000L);
        SigningKey signing = signingKeyFor(credentials.resolveCredentials(), Math.floorDiv(now, SECONDS_PER_DAY));
        byte[] token = signing.encodedSessionToken();
        Scratch scratch = SCRATCH.get();

        AsciiBuffer canonical = scratch.canonical.clear().append(canonicalStart);
        int keyStart = canonical.length();
        canonical.appendEncoded(key.value(), true);
        int keyEnd = canonical.length();
        canonical.append(CANONICAL_CREDENTIAL).append(signing.encodedCredential()).append(CANONICAL_DATE);
        int dateStart = canonical.length();
        int secondOfDay = (int) Math.floorMod(now, SECONDS_PER_DAY);
        canonical.append(signing.dateStamp()).append('T')
                .appendDigits(secondOfDay / 3600, 2)
                .appendDigits(secondOfDay / 60 % 60, 2)
                .appendDigits(secondOfDay % 60, 2)
                .append('Z');
        int dateEnd = canonical.length();
        canonical.append(CANONICAL_EXPIRES);
        if (token != null) {
            canonical.append(TOKEN).append(token);
        }
        canonical.append(CANONICAL_DISPOSITION);
        int dispositionStart = canonical.length();
        canonical.appendEncoded(disposition.headerValue(), false);
        int dispositionEnd = canonical.length();
        canonical.append(canonicalEnd);

        scratch.sha256.update(canonical.array(), 0, canonical.length());
        AsciiBuffer stringToSign = scratch.stringToSign.clear()
                .append(STRING_TO_SIGN_START)
                .append(canonical, dateStart, dateEnd).append('\n')
                .append(signing.scope()).append('\n')
                .appendHex(scratch.sha256.digest());
        Mac hmac = scratch.hmacWith(signing);
        hmac.update(stringToSign.array(), 0, stringToSign.length());
        byte[] signature = hmac.doFinal();

        AsciiBuffer url = scratch.url.clear()
                .append(urlStart)
                .append(canonical, keyStart, keyEnd)
                .append(URL_DISPOSITION)
                .append(canonical, dispositionStart, dispositionEnd);
        if (token != null) {
            url.append(TOKEN).append(token);
        }
        url.append(URL_DATE).append(canonical, dateStart, dateEnd)
                .append(URL_CREDENTIAL).append(signing.encodedCredential())
                .append(URL_SIGNATURE).appendHex(signature);
        return url.toString();
    }

    private SigningKey signingKeyFor(AwsCredentials current, long epochDay) {
        SigningKey cached = signingKey;
        if (cached != null && cached.isFor(current, epochDay)) {
            return cached;
        }
        SigningKey derived = SigningKey.derive(current, epochDay, region);
        signingKey = derived;
        return derived;
    }

    /**
     * What the SDK's URL for an object of this bucket starts with, up to and including the '/'
     * before the key. The presigner resolves the endpoint with the same rules and settings
     * (including the us-east-1 global-endpoint setting) as {@link S3Utilities}.
     */
    private static URI objectUrlPrefix(S3Location location) {
        S3Utilities.Builder utilities = S3Utilities.builder()
                .region(location.region())
                .s3Configuration(S3Configuration.builder().pathStyleAccessEnabled(location.pathStyle()).build());
        location.endpoint().ifPresent(utilities::endpoint);
        String probe = utilities.build()
                .getUrl(get -> get.bucket(location.bucket()).key(PROBE_KEY))
                .toString();
        if (!probe.endsWith("/" + PROBE_KEY) || probe.indexOf('?') >= 0) {
            throw new IllegalStateException("unexpected object URL shape from the SDK: " + probe);
        }
        return URI.create(probe.substring(0, probe.length() - PROBE_KEY.length()));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** One thread's digest, MAC and buffers, sized so that ordinary URLs never grow them. */
    private static final class Scratch {

        final MessageDigest sha256;
        final Mac hmac;
        final AsciiBuffer canonical = new AsciiBuffer(2048);
        final AsciiBuffer stringToSign = new AsciiBuffer(256);
        final AsciiBuffer url = new AsciiBuffer(2048);
        /** The key {@link #hmac} holds; re-initialising costs more than the identity check. */
        private SigningKey hmacKey;

        Scratch() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
                hmac = Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 and HmacSHA256 are required of every Java platform", e);
            }
        }

        Mac hmacWith(SigningKey key) {
            if (hmacKey != key) {
                try {
                    hmac.init(key.macKey());
                } catch (InvalidKeyException e) {
                    throw new IllegalStateException("a derived SigV4 key was refused by HmacSHA256", e);
                }
                hmacKey = key;
            }
            return hmac;
        }
    }
}
