package com.rialtobridge.documents.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExistenceChecksTest {

    private static final String PERSON = "rialto-clients/individuals/91e5bd3c-0e13-4e6e-a673-3c0842b7f370/";
    private static final String COMPANY = "rialto-clients/entities/91e5bd3c-0e13-4e6e-a673-3c0842b7f370/";

    /** A store holding fixed keys that records every call; listings hold at most {@code pageLimit} keys. */
    private static final class CountingStore implements DocumentStore {
        final Set<String> stored;
        final List<String> heads = Collections.synchronizedList(new ArrayList<>());
        final List<String> listings = Collections.synchronizedList(new ArrayList<>());
        final List<CompletableFuture<Boolean>> pendingHeads = Collections.synchronizedList(new ArrayList<>());
        boolean holdHeads;
        RuntimeException listingFailure;

        CountingStore(Set<String> stored) {
            this.stored = stored;
        }

        @Override
        public CompletableFuture<Boolean> exists(DocumentKey key) {
            heads.add(key.value());
            if (holdHeads) {
                CompletableFuture<Boolean> pending = new CompletableFuture<>();
                pendingHeads.add(pending);
                return pending;
            }
            return CompletableFuture.completedFuture(stored.contains(key.value()));
        }

        @Override
        public CompletableFuture<PrefixListing> list(String prefix, int maxKeys) {
            listings.add(prefix);
            if (listingFailure != null) {
                return CompletableFuture.failedFuture(listingFailure);
            }
            List<String> under = stored.stream().filter(k -> k.startsWith(prefix)).sorted().toList();
            return CompletableFuture.completedFuture(
                    new PrefixListing(new HashSet<>(under.subList(0, Math.min(maxKeys, under.size()))), under.size() <= maxKeys));
        }

        int calls() {
            return heads.size() + listings.size();
        }
    }

    private static List<DocumentKey> keys(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> new DocumentKey(prefix + "doc-" + i + ".pdf")).toList();
    }

    private static Set<String> values(List<DocumentKey> keys) {
        Set<String> values = new HashSet<>();
        keys.forEach(k -> values.add(k.value()));
        return values;
    }

    private static <T> T await(CompletableFuture<T> future) throws Throwable {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private static final ExistencePolicy LIST_FROM_4_NO_CACHE = new ExistencePolicy(4, 5000, Duration.ZERO, 100);

    @Test
    void fewKeysAreCheckedOneByOneAndManyByOneListingPerPrefix() throws Throwable {
        List<DocumentKey> stored = keys(PERSON, 40);
        CountingStore store = new CountingStore(values(stored));
        ExistenceChecks checks = new ExistenceChecks(store, LIST_FROM_4_NO_CACHE, Ticker.systemTicker());

        assertThat(await(checks.existing(stored.subList(0, 3), 32))).containsExactlyInAnyOrderElementsOf(stored.subList(0, 3));
        assertThat(store.heads).hasSize(3);
        assertThat(store.listings).isEmpty();

        store.heads.clear();
        List<DocumentKey> asked = new ArrayList<>(stored.subList(0, 30));
        DocumentKey missing = new DocumentKey(PERSON + "gone.pdf");
        asked.add(missing);
        asked.add(new DocumentKey(COMPANY + "doc-1.pdf"));
        Set<DocumentKey> found = await(checks.existing(asked, 32));
        assertThat(found).containsExactlyInAnyOrderElementsOf(stored.subList(0, 30)).doesNotContain(missing);
        // 31 keys of the person: one listing; 1 key of the company: one HeadObject.
        assertThat(store.listings).containsExactly(PERSON);
        assertThat(store.heads).containsExactly(COMPANY + "doc-1.pdf");
    }

    @Test
    void keysABoundedListingDidNotReachAreStillCheckedOneByOne() throws Throwable {
        List<DocumentKey> stored = keys(PERSON, 20);
        CountingStore store = new CountingStore(values(stored));
        ExistenceChecks checks = new ExistenceChecks(store, new ExistencePolicy(4, 10, Duration.ZERO, 100),
                Ticker.systemTicker());
        assertThat(await(checks.existing(stored, 32))).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(store.listings).hasSize(1);
        assertThat(store.heads).hasSize(10);
    }

    @Test
    void onlyExistenceIsRememberedAndOnlyForTheTtl() throws Throwable {
        List<DocumentKey> stored = keys(PERSON, 10);
        CountingStore store = new CountingStore(values(stored));
        AtomicLong nanos = new AtomicLong();
        ExistenceChecks checks = new ExistenceChecks(store, new ExistencePolicy(4, 5000, Duration.ofSeconds(30), 100),
                nanos::get);
        DocumentKey missing = new DocumentKey(PERSON + "gone.pdf");
        List<DocumentKey> asked = new ArrayList<>(stored);
        asked.add(missing);

        await(checks.existing(asked, 32));
        assertThat(store.calls()).isEqualTo(1);
        // Warm: the 10 known keys need no call; the missing one is asked again, by HeadObject.
        assertThat(await(checks.existing(asked, 32))).hasSize(10);
        assertThat(store.listings).hasSize(1);
        assertThat(store.heads).containsExactly(missing.value());

        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        await(checks.existing(stored, 32));
        assertThat(store.listings).hasSize(2);
    }

    @Test
    void headOnlyChecksRunConcurrentlyWithinTheBound() {
        List<DocumentKey> asked = keys(PERSON, 100);
        CountingStore store = new CountingStore(values(asked));
        store.holdHeads = true;
        ExistenceChecks checks = new ExistenceChecks(store, ExistencePolicy.HEAD_ONLY, Ticker.systemTicker());
        CompletableFuture<Set<DocumentKey>> found = checks.existing(asked, 32);
        // 32 in flight at once, none waiting for another to finish, and none more.
        assertThat(store.pendingHeads).hasSize(32);
        store.pendingHeads.get(0).complete(true);
        assertThat(store.pendingHeads).hasSize(33);
        assertThat(found).isNotDone();
    }

    @Test
    void aRefusedListingFailsTheChecks() {
        CountingStore store = new CountingStore(values(keys(PERSON, 10)));
        store.listingFailure = new DocumentStoreException("permission fault", null);
        ExistenceChecks checks = new ExistenceChecks(store, LIST_FROM_4_NO_CACHE, Ticker.systemTicker());
        assertThatThrownBy(() -> await(checks.existing(keys(PERSON, 10), 32)))
                .isInstanceOf(DocumentStoreException.class).hasMessage("permission fault");
    }
}
