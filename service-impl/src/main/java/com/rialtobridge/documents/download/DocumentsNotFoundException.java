package com.rialtobridge.documents.download;

import java.util.List;

/**
 * Some keys name no document of this client: missing and not-this-client's look the same, so a
 * caller cannot probe for other clients' documents.
 */
public final class DocumentsNotFoundException extends RuntimeException {

    private final List<String> keys;

    public DocumentsNotFoundException(List<String> keys) {
        super(keys.size() + " document(s) not found", null, false, false);
        this.keys = List.copyOf(keys);
    }

    /** The keys as the caller sent them, in request order. */
    public List<String> keys() {
        return keys;
    }
}
