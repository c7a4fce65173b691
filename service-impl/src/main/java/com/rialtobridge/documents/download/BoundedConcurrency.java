package com.rialtobridge.documents.download;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs an asynchronous call per item with at most {@code limit} in flight, so that a 1000-key batch
 * neither waits for 1000 round trips one after another nor opens 1000 connections at once.
 */
final class BoundedConcurrency {

    private BoundedConcurrency() {
    }

    /**
     * Results in the order of {@code items}. The first failure fails the whole and stops launching
     * further calls; calls already in flight are left to finish.
     */
    static <T, R> CompletableFuture<List<R>> map(List<T> items, int limit, Function<T, CompletableFuture<R>> call) {
        CompletableFuture<List<R>> all = new CompletableFuture<>();
        int count = items.size();
        if (count == 0) {
            all.complete(List.of());
            return all;
        }
        Object[] results = new Object[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable[] worker = new Runnable[1];
        worker[0] = () -> {
            int index = next.getAndIncrement();
            if (index >= count || all.isDone()) {
                return;
            }
            CompletableFuture<R> future;
            try {
                future = call.apply(items.get(index));
            } catch (RuntimeException e) {
                all.completeExceptionally(e);
                return;
            }
            future.whenComplete((result, failure) -> {
                if (failure != null) {
                    all.completeExceptionally(failure);
                    return;
                }
                results[index] = result;
                if (done.incrementAndGet() == count) {
                    @SuppressWarnings("unchecked")
                    List<R> ordered = (List<R>) new ArrayList<>(Arrays.asList(results));
                    all.complete(ordered);
                } else {
                    worker[0].run();
                }
            });
        };
        for (int i = 0; i < Math.min(limit, count); i++) {
            worker[0].run();
        }
        return all;
    }
}
