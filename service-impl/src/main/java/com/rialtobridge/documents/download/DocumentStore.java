package com.rialtobridge.documents.download;

import java.util.concurrent.CompletableFuture;

/**
 * Where documents are kept; asked only whether keys exist, never for the bytes. Two questions, so
 * that {@link ExistenceChecks} can pick the cheaper one per batch: one key at a time, or every key
 * under a client's prefix at once.
 */
public interface DocumentStore {

    /**
     * Completes with whether the document exists. Completes exceptionally with
     * {@link DocumentStoreException} when the store cannot say (unreachable, refused, misconfigured).
     */
    CompletableFuture<Boolean> exists(DocumentKey key);

    /**
     * Completes with the keys under {@code prefix}, at most {@code maxKeys} of them (the listing says
     * whether it saw them all). Fails like {@link #exists}.
     */
    CompletableFuture<PrefixListing> list(String prefix, int maxKeys);
}
