package com.rialtobridge.documents.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of an API key's UTF-8 bytes: the only form in which keys are held, so neither the
 * directory file nor a heap dump gives a key away.
 */
public final class ApiKeyHash {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX_FORMAT = HexFormat.of();

    private final byte[] digest;

    private ApiKeyHash(byte[] digest) {
        this.digest = digest;
    }

    /** Hashes a key as a caller presents it. */
    public static ApiKeyHash of(String apiKey) {
        try {
            return new ApiKeyHash(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Reads a hash as the directory file holds it: 64 lowercase hexadecimal digits. */
    public static ApiKeyHash fromHex(String hex) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("an API key hash is 64 lowercase hexadecimal digits (SHA-256)");
        }
        return new ApiKeyHash(HEX_FORMAT.parseHex(hex));
    }

    /** Compares without an early exit, so the time taken says nothing about how many bytes matched. */
    public boolean matches(ApiKeyHash other) {
        return MessageDigest.isEqual(digest, other.digest);
    }

    public String hex() {
        return HEX_FORMAT.formatHex(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKeyHash other && Arrays.equals(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "ApiKeyHash[" + hex().substring(0, 8) + "…]";
    }
}
