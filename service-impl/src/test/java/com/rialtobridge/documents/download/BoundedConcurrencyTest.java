package com.rialtobridge.documents.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedConcurrencyTest {

    @Test
    void keepsOrderAndNeverExceedsTheLimit() throws Exception {
        List<CompletableFuture<Integer>> pending = new ArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        CompletableFuture<List<Integer>> all = BoundedConcurrency.map(items, 4, item -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<Integer> f = new CompletableFuture<>();
            synchronized (pending) {
                pending.add(f);
            }
            return f.thenApply(v -> v * 10);
        });
        // Complete the calls in reverse order of arrival, a few at a time, as a store might.
        int completed = 0;
        while (completed < 50) {
            List<CompletableFuture<Integer>> batch;
            synchronized (pending) {
                batch = new ArrayList<>(pending);
                pending.clear();
            }
            assertThat(batch.size()).isLessThanOrEqualTo(4);
            for (int i = batch.size() - 1; i >= 0; i--) {
                inFlight.decrementAndGet();
                batch.get(i).complete(completed++);
            }
        }
        assertThat(peak.get()).isEqualTo(4);
        assertThat(all.get()).hasSize(50);
    }

    @Test
    void resultsFollowTheItemsNotTheCompletionOrder() throws Exception {
        List<CompletableFuture<String>> calls = new ArrayList<>();
        CompletableFuture<List<String>> all = BoundedConcurrency.map(List.of("a", "b", "c"), 3, item -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            calls.add(f);
            return f.thenApply(v -> item + v);
        });
        calls.get(2).complete("3");
        calls.get(0).complete("1");
        calls.get(1).complete("2");
        assertThat(all.get()).containsExactly("a1", "b2", "c3");
    }

    @Test
    void theFirstFailureFailsTheWholeAndStopsLaunching() {
        AtomicInteger launched = new AtomicInteger();
        CompletableFuture<List<Object>> all = BoundedConcurrency.map(List.of(1, 2, 3, 4, 5), 1, item -> {
            launched.incrementAndGet();
            return item == 2 ? CompletableFuture.failedFuture(new IllegalStateException("store down"))
                    : CompletableFuture.completedFuture(item);
        });
        assertThatThrownBy(all::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("store down");
        assertThat(launched.get()).isEqualTo(2);
    }

    @Test
    void nothingToDoCompletesAtOnce() throws Exception {
        assertThat(BoundedConcurrency.map(List.<String>of(), 3, s -> new CompletableFuture<String>()).get()).isEmpty();
    }
}
