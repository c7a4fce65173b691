package com.rialtobridge.documents.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * What SigV4 derives from one set of credentials for one UTC day in one region: the signing key
 * (four chained HMACs) and the encoded query fragments that name the credentials. Worth caching
 * because it changes only when the credentials rotate or the date does, while every URL needs it.
 */
final class SigningKey {

    static final String SERVICE = "s3";
    static final String TERMINATOR = "aws4_request";

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final long epochDay;

    private final SecretKeySpec macKey;
    private final byte[] dateStamp;
    private final byte[] encodedCredential;
    private final byte[] encodedSessionToken;
    private final byte[] scope;

    private SigningKey(AwsCredentialsIdentity credentials, long epochDay, String region) {
        this.accessKeyId = credentials.accessKeyId();
        this.secretAccessKey = credentials.secretAccessKey();
        this.sessionToken = sessionTokenOf(credentials);
        this.epochDay = epochDay;

        LocalDate date = LocalDate.ofEpochDay(epochDay);
        String stamp = new AsciiBuffer(8)
                .appendDigits(date.getYear(), 4)
                .appendDigits(date.getMonthValue(), 2)
                .appendDigits(date.getDayOfMonth(), 2)
                .toString();
        String scopeText = stamp + "/" + region + "/" + SERVICE + "/" + TERMINATOR;
        this.dateStamp = ascii(stamp);
        this.scope = ascii(scopeText);
        this.encodedCredential = new AsciiBuffer(128).appendEncoded(accessKeyId + "/" + scopeText, false).toByteArray();
        this.encodedSessionToken = sessionToken == null ? null
                : new AsciiBuffer(sessionToken.length() * 3).appendEncoded(sessionToken, false).toByteArray();

        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), stamp);
        key = hmac(key, region);
        key = hmac(key, SERVICE);
        key = hmac(key, TERMINATOR);
        this.macKey = new SecretKeySpec(key, "HmacSHA256");
    }

    static SigningKey derive(AwsCredentialsIdentity credentials, long epochDay, String region) {
        return new SigningKey(credentials, epochDay, region);
    }

    /** Whether this was derived from exactly these credentials for this day. */
    boolean isFor(AwsCredentialsIdentity credentials, long day) {
        return epochDay == day
                && accessKeyId.equals(credentials.accessKeyId())
                && secretAccessKey.equals(credentials.secretAccessKey())
                && Objects.equals(sessionToken, sessionTokenOf(credentials));
    }

    SecretKeySpec macKey() {
        return macKey;
    }

    /** {@code yyyyMMdd}. */
    byte[] dateStamp() {
        return dateStamp;
    }

    /** {@code yyyyMMdd/region/s3/aws4_request}, as the string to sign names it. */
    byte[] scope() {
        return scope;
    }

    /** The X-Amz-Credential value, percent-encoded. */
    byte[] encodedCredential() {
        return encodedCredential;
    }

    /** The X-Amz-Security-Token value, percent-encoded; null for long-term credentials. */
    byte[] encodedSessionToken() {
        return encodedSessionToken;
    }

    private static String sessionTokenOf(AwsCredentialsIdentity credentials) {
        return credentials instanceof AwsSessionCredentialsIdentity session ? session.sessionToken() : null;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
