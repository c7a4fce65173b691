package com.rialtobridge.documents.download;

import com.rialtobridge.documents.access.ClientId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An S3 object key in permanent storage, checked once when it enters the service.
 *
 * <p>Our layout is {@code rialto-clients/<individuals|entities>/<clientId>/<uuid>_<filename>}; a key
 * belongs to the client named by its third segment and to nobody else.
 */
public record DocumentKey(String value) {

    /** S3's own limit on a key. */
    public static final int MAX_UTF8_BYTES = 1024;

    private static final String ROOT = "rialto-clients";
    private static final Pattern UUID_PREFIX =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}_");

    public DocumentKey {
        Objects.requireNonNull(value, "value");
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Why a text cannot be a document key, or null when it can. The reasons are written for the
     * caller who sent the key.
     */
    public static String problemWith(String text) {
        if (text.isEmpty()) {
            return "is empty";
        }
        if (text.startsWith("/")) {
            return "starts with '/'";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains a control character";
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "is not valid Unicode (a lone surrogate)";
            }
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            return "is longer than " + MAX_UTF8_BYTES + " bytes of UTF-8";
        }
        for (String segment : text.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "has an empty, '.' or '..' path segment";
            }
        }
        return null;
    }

    /** Whether this key lies in the given client's part of permanent storage. */
    public boolean belongsTo(ClientId client) {
        String[] segments = value.split("/", 4);
        return segments.length == 4
                && segments[0].equals(ROOT)
                && (segments[1].equals("individuals") || segments[1].equals("entities"))
                && segments[2].equals(client.value());
    }

    /**
     * The part of storage this key lies in, e.g. {@code rialto-clients/individuals/<clientId>/}: what
     * is listed to check many of a client's keys at once. Only for keys that belong to a client.
     */
    public String clientPrefix() {
        int end = -1;
        for (int i = 0; i < 3; i++) {
            end = value.indexOf('/', end + 1);
            if (end < 0) {
                throw new IllegalStateException("not a client's document key");
            }
        }
        return value.substring(0, end + 1);
    }

    /**
     * The name the document was uploaded with: the last segment without the {@code <uuid>_} that
     * Rialto prefixes when it copies an upload to permanent storage.
     */
    public String filename() {
        String last = value.substring(value.lastIndexOf('/') + 1);
        String withoutPrefix = UUID_PREFIX.matcher(last).replaceFirst("");
        return withoutPrefix.isEmpty() ? last : withoutPrefix;
    }

    /** The key of a new document of a client, named the way Rialto names permanent copies. */
    public static DocumentKey forUpload(ClientKind kind, ClientId client, java.util.UUID id, String filename) {
        return new DocumentKey(ROOT + "/" + kind.segment() + "/" + client.value() + "/" + id + "_" + filename);
    }

    /** The prefix under which all documents of a client of the given kind lie. */
    public static String prefixOf(ClientKind kind, ClientId client) {
        return ROOT + "/" + kind.segment() + "/" + client.value() + "/";
    }

    @Override
    public String toString() {
        return value;
    }
}
