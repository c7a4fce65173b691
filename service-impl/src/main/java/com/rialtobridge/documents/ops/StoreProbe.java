package com.rialtobridge.documents.ops;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Asks the document store whether it answers at all; the readiness check's view of S3. */
@FunctionalInterface
public interface StoreProbe {

    /** Completes normally in every case; a store that does not answer is a {@link Result#down}. */
    CompletableFuture<Result> probe();

    /**
     * @param problem   empty when the store answered; otherwise why not, in words fit for an operator
     * @param storeTime the store's {@code Date} header, when it sent one (it usually does, even on errors)
     */
    record Result(Optional<String> problem, Optional<Instant> storeTime) {

        public Result {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(storeTime, "storeTime");
        }

        public static Result up(Optional<Instant> storeTime) {
            return new Result(Optional.empty(), storeTime);
        }

        public static Result down(String problem, Optional<Instant> storeTime) {
            return new Result(Optional.of(problem), storeTime);
        }

        public boolean isUp() {
            return problem.isEmpty();
        }
    }
}
