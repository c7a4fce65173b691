package com.rialtobridge.documents.download;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of a batch's keys exist, for as few store calls as the {@link ExistencePolicy} allows:
 * keys recently seen to exist are believed without asking; a client prefix with many keys in the
 * batch is listed once (a client rarely has more than a few dozen documents, so one call answers the
 * whole batch in one round trip); the rest get one HeadObject each, concurrently within a bound.
 *
 * <p>Only existence is remembered, never absence: a document copied to permanent storage a moment
 * ago must be downloadable at once. A remembered key deleted since is signed for at most the TTL;
 * its URL then fails at the store, and ownership never depends on the cache (it is the key's prefix).
 */
final class ExistenceChecks {

    private final DocumentStore store;
    private final ExistencePolicy policy;
    /** Null when the policy turns the cache off. */
    private final Cache<String, Boolean> seen;
    private final DownloadMetrics metrics;

    ExistenceChecks(DocumentStore store, ExistencePolicy policy, Ticker ticker) {
        this(store, policy, ticker, DownloadMetrics.NONE);
    }

    ExistenceChecks(DocumentStore store, ExistencePolicy policy, Ticker ticker, DownloadMetrics metrics) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        // expireAfterWrite, not after access: a key asked for every second is still re-checked every TTL.
        this.seen = policy.caches()
                ? Caffeine.newBuilder().maximumSize(policy.cacheMaxKeys()).expireAfterWrite(policy.cacheTtl())
                        .ticker(ticker).build()
                : null;
    }

    /**
     * Completes with those of {@code keys} that exist. Every key must belong to a client (its first
     * three segments are the prefix listed). Fails with the store's first failure.
     *
     * <p>At most {@code maxConcurrent} HeadObjects are in flight per group of keys that were not
     * listed, plus one listing per prefix: a batch spans at most the two prefixes of one client id
     * (individuals, entities), so the bound holds within a small factor.
     */
    CompletableFuture<Set<DocumentKey>> existing(List<DocumentKey> keys, int maxConcurrent) {
        Set<DocumentKey> found = ConcurrentHashMap.newKeySet();
        Map<String, List<DocumentKey>> unknownByPrefix = new LinkedHashMap<>();
        for (DocumentKey key : keys) {
            boolean hit = seen != null && seen.getIfPresent(key.value()) != null;
            if (seen != null) {
                metrics.existenceCacheLookup(hit);
            }
            if (hit) {
                found.add(key);
            } else {
                unknownByPrefix.computeIfAbsent(key.clientPrefix(), p -> new ArrayList<>()).add(key);
            }
        }
        List<DocumentKey> headNow = new ArrayList<>();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        unknownByPrefix.forEach((prefix, group) -> {
            if (policy.listMinKeys() > 0 && group.size() >= policy.listMinKeys()) {
                // Keys a bounded listing did not reach are still checked, one by one.
                calls.add(store.list(prefix, policy.listMaxKeys())
                        .thenCompose(listing -> head(notListed(group, listing, found), maxConcurrent, found)));
            } else {
                headNow.addAll(group);
            }
        });
        calls.add(head(headNow, maxConcurrent, found));
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(done -> {
            if (seen != null) {
                found.forEach(key -> seen.put(key.value(), Boolean.TRUE));
            }
            return Set.copyOf(found);
        });
    }

    private static List<DocumentKey> notListed(List<DocumentKey> group, PrefixListing listing, Set<DocumentKey> found) {
        List<DocumentKey> rest = new ArrayList<>();
        for (DocumentKey key : group) {
            if (listing.keys().contains(key.value())) {
                found.add(key);
            } else if (!listing.complete()) {
                rest.add(key);
            }
        }
        return rest;
    }

    private CompletableFuture<Void> head(List<DocumentKey> keys, int maxConcurrent, Set<DocumentKey> found) {
        return BoundedConcurrency.map(keys, maxConcurrent, store::exists).thenAccept(answers -> {
            for (int i = 0; i < keys.size(); i++) {
                if (answers.get(i)) {
                    found.add(keys.get(i));
                }
            }
        });
    }
}
