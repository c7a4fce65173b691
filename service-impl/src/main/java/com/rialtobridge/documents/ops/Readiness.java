package com.rialtobridge.documents.ops;

import com.rialtobridge.documents.access.DirectorySource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether this instance should get traffic: the directory is loaded and the bucket answers.
 *
 * <p>The store is asked at most once per {@link #CACHE_FOR}, however often load balancers poll, and
 * callers that arrive while a probe is in flight share it: a fleet polling every second must not
 * turn into a HeadBucket storm.
 */
public final class Readiness {

    /** How long one answer from the store stands for. */
    public static final Duration CACHE_FOR = Duration.ofSeconds(5);
    /** A probe slower than this counts as "the store does not answer". */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    /** Beyond this, the clock offset is reported: signed URLs carry our time, and S3 checks it. */
    static final Duration CLOCK_OFFSET_REPORTED = Duration.ofMinutes(1);

    private final DirectorySource directory;
    private final StoreProbe store;
    private final Clock clock;
    private CompletableFuture<Probed> latest;
    private Instant latestStarted = Instant.MIN;

    public Readiness(DirectorySource directory, StoreProbe store, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The state now; completes normally, never exceptionally. */
    public CompletableFuture<State> check() {
        Optional<String> directoryProblem = directoryProblem();
        return storeState().thenApply(probed -> new State(directoryProblem, probed.result.problem(),
                probed.result.storeTime().map(storeTime -> Duration.between(probed.localTime, storeTime))));
    }

    private Optional<String> directoryProblem() {
        try {
            return directory.current() == null ? Optional.of("the directory is not loaded") : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the directory cannot be read");
        }
    }

    private synchronized CompletableFuture<Probed> storeState() {
        Instant now = clock.instant();
        if (latest == null || now.isAfter(latestStarted.plus(CACHE_FOR)) || now.isBefore(latestStarted)) {
            latestStarted = now;
            latest = store.probe()
                    .completeOnTimeout(StoreProbe.Result.down("the store did not answer within "
                            + PROBE_TIMEOUT.toMillis() + " ms", Optional.empty()),
                            PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(failure -> StoreProbe.Result.down("the store probe failed", Optional.empty()))
                    .thenApply(result -> new Probed(result, clock.instant()));
        }
        return latest;
    }

    private record Probed(StoreProbe.Result result, Instant localTime) {
    }

    /**
     * @param clockOffset the store's clock minus ours, when the store sent its time
     */
    public record State(Optional<String> directoryProblem, Optional<String> storeProblem, Optional<Duration> clockOffset) {

        public boolean ready() {
            return directoryProblem.isEmpty() && storeProblem.isEmpty();
        }

        /** The checks and the clock offset, which /health/ready adds to its answer either way. */
        Map<String, Object> describe() {
            Map<String, Object> checks = new LinkedHashMap<>();
            checks.put("directory", directoryProblem.isEmpty() ? "up" : "down");
            checks.put("store", storeProblem.isEmpty() ? "up" : "down");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("checks", checks);
            clockOffset.filter(offset -> offset.abs().compareTo(CLOCK_OFFSET_REPORTED) > 0).ifPresent(offset -> {
                long seconds = offset.toSeconds();
                body.put("clockOffsetSeconds", seconds);
                body.put("warning", "this host's clock is " + Math.abs(seconds) + " s "
                        + (seconds > 0 ? "behind" : "ahead of") + " the store's; pre-signed URLs carry this host's"
                        + " time and the store refuses them beyond a few minutes: fix the host's time sync (NTP)");
            });
            return body;
        }

        String reason() {
            StringBuilder reason = new StringBuilder();
            directoryProblem.ifPresent(p -> reason.append("directory: ").append(p));
            storeProblem.ifPresent(p -> reason.append(reason.length() > 0 ? "; " : "").append("store: ").append(p));
            return reason.toString();
        }
    }
}
