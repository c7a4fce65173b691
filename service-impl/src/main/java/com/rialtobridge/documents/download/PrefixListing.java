package com.rialtobridge.documents.download;

import java.util.Set;

/**
 * The keys a store listed under one prefix.
 *
 * @param keys      the keys seen
 * @param complete  false when the listing stopped at its bound: a key not in {@code keys} may still exist
 */
public record PrefixListing(Set<String> keys, boolean complete) {

    public PrefixListing {
        keys = Set.copyOf(keys);
    }
}
