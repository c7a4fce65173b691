package com.rialtobridge.documents.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, growable run of ASCII bytes, the working material of {@link SigV4QueryUrlSigner}.
 *
 * <p>Once percent-encoded, every byte SigV4 hashes and every byte of a pre-signed URL is ASCII, so the
 * signer writes bytes directly: the canonical request goes to SHA-256 without a String-to-bytes
 * conversion, and the finished URL becomes a String with one Latin-1 copy.
 */
final class AsciiBuffer {

    private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** RFC 3986 unreserved characters: the only ones SigV4 and S3 leave unencoded. */
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            UNRESERVED[c] = true;
            UNRESERVED[Character.toLowerCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            UNRESERVED[c] = true;
        }
        UNRESERVED['-'] = true;
        UNRESERVED['_'] = true;
        UNRESERVED['.'] = true;
        UNRESERVED['~'] = true;
    }

    private byte[] bytes;
    private int length;

    AsciiBuffer(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    AsciiBuffer clear() {
        length = 0;
        return this;
    }

    int length() {
        return length;
    }

    /** The backing array, valid from 0 to {@link #length()} until the next append. */
    byte[] array() {
        return bytes;
    }

    AsciiBuffer append(byte[] ascii) {
        ensureRoom(ascii.length);
        System.arraycopy(ascii, 0, bytes, length, ascii.length);
        length += ascii.length;
        return this;
    }

    AsciiBuffer append(AsciiBuffer source, int from, int to) {
        int count = to - from;
        ensureRoom(count);
        System.arraycopy(source.bytes, from, bytes, length, count);
        length += count;
        return this;
    }

    AsciiBuffer append(char ascii) {
        ensureRoom(1);
        bytes[length++] = (byte) ascii;
        return this;
    }

    /** {@code value} in decimal, left-padded with zeros to {@code width} digits. */
    AsciiBuffer appendDigits(int value, int width) {
        ensureRoom(width);
        int remaining = value;
        for (int i = length + width - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + remaining % 10);
            remaining /= 10;
        }
        length += width;
        return this;
    }

    /** Lower-case hex, as SigV4 writes hashes and signatures. */
    AsciiBuffer appendHex(byte[] data) {
        ensureRoom(data.length * 2);
        for (byte b : data) {
            bytes[length++] = LOWER_HEX[(b >> 4) & 0xf];
            bytes[length++] = LOWER_HEX[b & 0xf];
        }
        return this;
    }

    /**
     * The UTF-8 bytes of {@code text}, percent-encoded as SigV4 and S3 require: everything but the
     * unreserved characters becomes {@code %XX} in upper-case hex, and '/' is kept only when
     * {@code keepSlash} (an object key in a path keeps its segments; a query value does not).
     *
     * <p>A lone surrogate becomes an encoded '?', which is what Java's UTF-8 encoder, and so the
     * AWS SDK, makes of it.
     */
    AsciiBuffer appendEncoded(String text, boolean keepSlash) {
        int n = text.length();
        // Worst case: a UTF-16 unit becomes 3 UTF-8 bytes of 3 characters each (a surrogate pair
        // becomes 4 bytes, fewer than 2 x 3).
        ensureRoom(n * 9);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (UNRESERVED[c] || keepSlash && c == '/') {
                    bytes[length++] = (byte) c;
                } else {
                    percent(c);
                }
            } else if (c < 0x800) {
                percent(0xc0 | c >> 6);
                percent(0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                percent(0xf0 | cp >> 18);
                percent(0x80 | cp >> 12 & 0x3f);
                percent(0x80 | cp >> 6 & 0x3f);
                percent(0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                percent('?');
            } else {
                percent(0xe0 | c >> 12);
                percent(0x80 | c >> 6 & 0x3f);
                percent(0x80 | c & 0x3f);
            }
        }
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** The content as a String; a Latin-1 decode is a plain copy for ASCII. */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    private void percent(int octet) {
        bytes[length++] = '%';
        bytes[length++] = UPPER_HEX[octet >> 4];
        bytes[length++] = UPPER_HEX[octet & 0xf];
    }

    private void ensureRoom(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }
}
