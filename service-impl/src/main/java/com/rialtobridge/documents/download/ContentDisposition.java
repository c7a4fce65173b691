package com.rialtobridge.documents.download;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} a download is served with, signed into its URL, so that a browser
 * saves the document under its original name.
 *
 * <p>Filenames come from keys, so they are untrusted: the quoted ASCII fallback keeps only printable
 * ASCII other than '"', '\' and '%' (some browsers decode %xx there), and the RFC 8187
 * {@code filename*} carries the exact name percent-encoded, which leaves nothing that could end the
 * parameter or the header.
 */
public record ContentDisposition(String headerValue) {

    public static ContentDisposition attachment(String filename) {
        return new ContentDisposition("attachment; filename=\"" + asciiFallback(filename) + "\"; filename*=UTF-8''"
                + rfc8187Encode(filename));
    }

    static String asciiFallback(String filename) {
        StringBuilder out = new StringBuilder(filename.length());
        filename.codePoints().forEach(cp -> {
            boolean safe = cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != '%';
            out.append(safe ? (char) cp : '_');
        });
        return out.toString();
    }

    static String rfc8187Encode(String value) {
        StringBuilder out = new StringBuilder(value.length() * 3 / 2);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAttrChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** attr-char of RFC 8187 section 3.2.1. */
    private static boolean isAttrChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
