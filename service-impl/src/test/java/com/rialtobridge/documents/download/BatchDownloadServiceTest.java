package com.rialtobridge.documents.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rialtobridge.documents.access.ApiKeyHash;
import com.rialtobridge.documents.access.ClientId;
import com.rialtobridge.documents.access.Manager;
import com.rialtobridge.documents.access.ManagerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class BatchDownloadServiceTest {

    private static final String CLIENT = "91e5bd3c-0e13-4e6e-a673-3c0842b7f370";
    private static final String OTHER_CLIENT = "d61b6b30-0bf6-4fe7-9110-905b78f938df";
    private static final String A = "rialto-clients/individuals/" + CLIENT + "/7111bfb8-d6d3-4930-a6d0-eaa68a1c431a_a.pdf";
    private static final String B = "rialto-clients/individuals/" + CLIENT + "/26f7380a-dbf7-46a4-9568-7881cc8bfce7_b.pdf";
    private static final String OTHERS = "rialto-clients/individuals/" + OTHER_CLIENT + "/x_c.pdf";

    private static final Manager MANAGER = new Manager(new ManagerId("acme"), List.of(ApiKeyHash.of("k")),
            Set.of(new ClientId(CLIENT)));

    /** A store that knows a fixed set of keys and remembers every key it was asked about. */
    private static final class FakeStore implements DocumentStore {
        final Set<String> existing;
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());

        FakeStore(String... existing) {
            this.existing = Set.of(existing);
        }

        @Override
        public CompletableFuture<Boolean> exists(DocumentKey key) {
            asked.add(key.value());
            return CompletableFuture.completedFuture(existing.contains(key.value()));
        }

        @Override
        public CompletableFuture<PrefixListing> list(String prefix, int maxKeys) {
            throw new AssertionError("these tests check key by key");
        }
    }

    /** A store whose HeadObject answers come from {@code head}; with HEAD_ONLY it is never listed. */
    private static DocumentStore heads(java.util.function.Function<DocumentKey, CompletableFuture<Boolean>> head) {
        return new DocumentStore() {
            @Override
            public CompletableFuture<Boolean> exists(DocumentKey key) {
                return head.apply(key);
            }

            @Override
            public CompletableFuture<PrefixListing> list(String prefix, int maxKeys) {
                throw new AssertionError("these tests check key by key");
            }
        };
    }

    private static final UrlSigner SIGNER = (key, disposition) ->
            "https://store.test/" + key.value().replace(" ", "%20") + "?cd=" + disposition.headerValue().length();

    private static BatchDownloadService service(DocumentStore store) {
        return new BatchDownloadService(store, ExistencePolicy.HEAD_ONLY, SIGNER,
                new DownloadLimits(5, 2, Duration.ofSeconds(2)));
    }

    private static <T> T await(CompletableFuture<T> future) throws Throwable {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    @Test
    void signsEveryDistinctKeyInRequestOrder() throws Throwable {
        FakeStore store = new FakeStore(A, B);
        List<PresignedDownload> downloads = await(service(store).presign(MANAGER, CLIENT, List.of(B, A, B)));
        assertThat(downloads).extracting(d -> d.key().value()).containsExactly(B, A);
        assertThat(downloads).extracting(PresignedDownload::filename).containsExactly("b.pdf", "a.pdf");
        assertThat(store.asked).containsExactlyInAnyOrder(A, B);
    }

    @Test
    void aClientTheCallerDoesNotManageIsNotFoundAndNothingIsLookedUp() {
        FakeStore store = new FakeStore(OTHERS);
        assertThatThrownBy(() -> await(service(store).presign(MANAGER, OTHER_CLIENT, List.of(OTHERS))))
                .isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> await(service(store).presign(MANAGER, "../" + CLIENT, List.of())))
                .isInstanceOf(ClientNotFoundException.class);
        assertThat(store.asked).isEmpty();
    }

    @Test
    void anotherClientsKeyIsNotFoundLikeAMissingOneAndIsNeverLookedUp() {
        FakeStore store = new FakeStore(A, OTHERS);
        String missing = "rialto-clients/individuals/" + CLIENT + "/gone.pdf";
        assertThatThrownBy(() -> await(service(store).presign(MANAGER, CLIENT, List.of(OTHERS, A, missing))))
                .isInstanceOfSatisfying(DocumentsNotFoundException.class,
                        e -> assertThat(e.keys()).containsExactly(OTHERS, missing));
        assertThat(store.asked).containsExactlyInAnyOrder(A, missing);
    }

    @Test
    void malformedKeysAndTooManyKeysAreTheCallersFault() {
        FakeStore store = new FakeStore();
        assertThatThrownBy(() -> service(store).presign(MANAGER, CLIENT, null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service(store).presign(MANAGER, CLIENT, java.util.Arrays.asList(A, null)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("keys[1]");
        assertThatThrownBy(() -> service(store).presign(MANAGER, CLIENT, List.of("a/../b")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'..'");
        assertThatThrownBy(() -> service(store).presign(MANAGER, CLIENT, List.of(A, A, A, A, A, A)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("At most 5");
        assertThat(store.asked).isEmpty();
    }

    @Test
    void aStoreThatNeverAnswersFailsTheRequestAtTheDeadline() {
        DocumentStore silent = heads(key -> new CompletableFuture<>());
        BatchDownloadService service = new BatchDownloadService(silent, ExistencePolicy.HEAD_ONLY, SIGNER,
                new DownloadLimits(5, 2, Duration.ofMillis(100)));
        long started = System.nanoTime();
        assertThatThrownBy(() -> await(service.presign(MANAGER, CLIENT, List.of(A))))
                .isInstanceOf(DeadlineExceededException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aStoreFailureIsAStoreFailure() {
        DocumentStore broken = heads(key -> CompletableFuture.failedFuture(new DocumentStoreException("down", null)));
        assertThatThrownBy(() -> await(service(broken).presign(MANAGER, CLIENT, List.of(A))))
                .isInstanceOf(DocumentStoreException.class).hasMessage("down");
    }
}
