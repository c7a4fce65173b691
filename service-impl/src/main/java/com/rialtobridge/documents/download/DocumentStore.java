package com.rialtobridge.documents.download;

import java.util.concurrent.CompletableFuture;

/** Where documents are kept; asked only whether a key exists, never for the bytes. */
public interface DocumentStore {

    /**
     * Completes with whether the document exists. Completes exceptionally with
     * {@link DocumentStoreException} when the store cannot say (unreachable, refused, misconfigured).
     */
    CompletableFuture<Boolean> exists(DocumentKey key);
}
