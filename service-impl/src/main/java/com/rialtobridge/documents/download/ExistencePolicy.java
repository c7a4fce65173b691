package com.rialtobridge.documents.download;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ExistenceChecks} spends store calls.
 *
 * @param listMinKeys   a batch with at least this many keys under one client prefix lists that prefix
 *                      (one call per 1000 documents) instead of one HeadObject per key; 0 never lists
 * @param listMaxKeys   most keys one listing reads (pages of 1000); keys beyond it are checked one by one
 * @param cacheTtl      how long a key seen to exist is believed without asking again; zero turns the cache off
 * @param cacheMaxKeys  most keys remembered
 */
public record ExistencePolicy(int listMinKeys, int listMaxKeys, Duration cacheTtl, int cacheMaxKeys) {

    /** List from 4 keys on, remember keys seen for 30 s, at most 10,000 of them (about 1.5 MB). */
    public static final ExistencePolicy DEFAULT = new ExistencePolicy(4, 5000, Duration.ofSeconds(30), 10_000);

    /** One HeadObject per key, nothing remembered: every request asks the store about every key. */
    public static final ExistencePolicy HEAD_ONLY = new ExistencePolicy(0, 5000, Duration.ZERO, 10_000);

    public ExistencePolicy {
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        if (listMinKeys < 0) {
            throw new IllegalArgumentException("listMinKeys must not be negative");
        }
        if (listMaxKeys < 1) {
            throw new IllegalArgumentException("listMaxKeys must be at least 1");
        }
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("cacheTtl must not be negative");
        }
        if (cacheMaxKeys < 1) {
            throw new IllegalArgumentException("cacheMaxKeys must be at least 1");
        }
    }

    public boolean caches() {
        return !cacheTtl.isZero();
    }
}
