package com.rialtobridge.documents.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.rialtobridge.documents.access.Directory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(T0);

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }
    }

    private final HandClock clock = new HandClock();
    private final AtomicInteger probes = new AtomicInteger();
    private final Directory directory = new Directory(List.of());

    private Readiness readiness(StoreProbe.Result answer) {
        return new Readiness(() -> directory, () -> {
            probes.incrementAndGet();
            return CompletableFuture.completedFuture(answer);
        }, clock);
    }

    @Test
    void aLoadBalancerPollingEverySecondReachesTheStoreOncePerFiveSeconds() {
        Readiness readiness = readiness(StoreProbe.Result.up(Optional.of(T0)));
        for (int second = 0; second < 12; second++) {
            assertThat(readiness.check().join().ready()).isTrue();
            clock.advance(Duration.ofSeconds(1));
        }
        // polled at 0 s .. 11 s: the store is asked at 0 s and at 6 s, the first poll after the answer aged 5 s
        assertThat(probes.get()).isEqualTo(2);
    }

    @Test
    void callersArrivingWhileAProbeIsInFlightShareIt() {
        CompletableFuture<StoreProbe.Result> slow = new CompletableFuture<>();
        Readiness readiness = new Readiness(() -> directory, () -> {
            probes.incrementAndGet();
            return slow;
        }, clock);
        var first = readiness.check();
        var second = readiness.check();
        slow.complete(StoreProbe.Result.up(Optional.empty()));
        assertThat(first.join().ready()).isTrue();
        assertThat(second.join().ready()).isTrue();
        assertThat(probes.get()).isEqualTo(1);
    }

    @Test
    void aStoreThatDoesNotAnswerMakesTheInstanceNotReadyWithTheReason() {
        Readiness.State state = readiness(StoreProbe.Result.down("bucket 'b' does not exist (404)", Optional.empty()))
                .check().join();
        assertThat(state.ready()).isFalse();
        assertThat(state.reason()).isEqualTo("store: bucket 'b' does not exist (404)");
        assertThat(state.describe()).containsEntry("checks", java.util.Map.of("directory", "up", "store", "down"));
    }

    @Test
    void aProbeThatHangsCountsAsDownAfterTheProbeTimeout() {
        Readiness readiness = new Readiness(() -> directory, CompletableFuture::new, Clock.systemUTC());
        long started = System.nanoTime();
        Readiness.State state = readiness.check().join();
        assertThat(state.ready()).isFalse();
        assertThat(state.reason()).contains("did not answer within 3000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aDirectoryThatCannotBeReadMakesTheInstanceNotReady() {
        Readiness readiness = new Readiness(() -> {
            throw new IllegalStateException("unreadable");
        }, () -> CompletableFuture.completedFuture(StoreProbe.Result.up(Optional.empty())), clock);
        Readiness.State state = readiness.check().join();
        assertThat(state.ready()).isFalse();
        assertThat(state.reason()).isEqualTo("directory: the directory cannot be read");
    }

    @Test
    void theClockOffsetIsReportedOnlyBeyondAMinute() {
        Readiness.State close = readiness(StoreProbe.Result.up(Optional.of(T0.plusSeconds(59)))).check().join();
        assertThat(close.describe()).doesNotContainKey("clockOffsetSeconds");

        Readiness.State behind = readiness(StoreProbe.Result.up(Optional.of(T0.plusSeconds(150)))).check().join();
        assertThat(behind.ready()).isTrue();
        assertThat(behind.describe()).containsEntry("clockOffsetSeconds", 150L);
        assertThat((String) behind.describe().get("warning")).contains("150 s behind the store's");

        Readiness.State ahead = readiness(StoreProbe.Result.down("denied", Optional.of(T0.minusSeconds(600))))
                .check().join();
        assertThat(ahead.describe()).containsEntry("clockOffsetSeconds", -600L);
        assertThat((String) ahead.describe().get("warning")).contains("600 s ahead of the store's");
    }
}
