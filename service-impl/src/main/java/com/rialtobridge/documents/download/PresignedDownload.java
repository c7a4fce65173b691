package com.rialtobridge.documents.download;

import java.util.Objects;

/** A document the caller may now download, and the short-lived URL that lets them. */
public record PresignedDownload(DocumentKey key, String filename, String url) {

    public PresignedDownload {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
    }

    /** The URL is a bearer credential: it never goes into a log line through toString. */
    @Override
    public String toString() {
        return "PresignedDownload[" + key + ", url=<redacted>]";
    }
}
