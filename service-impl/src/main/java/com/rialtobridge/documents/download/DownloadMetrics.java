package com.rialtobridge.documents.download;

import java.time.Duration;

/**
 * What the operation counts, as a port: the domain says what happened, an adapter (Micrometer in
 * production) decides where it goes. Every method has a no-op default, so a new hook (an existence
 * cache, a second store call) can be added and wired without touching every implementation.
 */
public interface DownloadMetrics {

    /** Counts nothing: for tests and for wiring that does not care. */
    DownloadMetrics NONE = new DownloadMetrics() {
    };

    /** Pre-signed URLs handed to a caller in a 201. */
    default void urlsIssued(int count) {
    }

    /**
     * One call to the document store.
     *
     * @param kind    the store operation, e.g. {@code HeadObject} or {@code HeadBucket}
     * @param outcome a small fixed vocabulary: {@code found}, {@code missing}, {@code denied},
     *                {@code error}, {@code ok}
     */
    default void storeCall(String kind, String outcome, Duration took) {
    }

    /** An existence check answered by a cache ({@code hit}) or passed on to the store ({@code miss}). */
    default void existenceCacheLookup(boolean hit) {
    }
}
