package com.rialtobridge.documents.download;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one request may ask of the service.
 *
 * @param maxKeys                 most keys in one batch
 * @param maxConcurrentChecks     most existence checks of one batch in flight at once
 * @param deadline                longest a request may wait for the store before it fails
 */
public record DownloadLimits(int maxKeys, int maxConcurrentChecks, Duration deadline) {

    public DownloadLimits {
        Objects.requireNonNull(deadline, "deadline");
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1");
        }
        if (maxConcurrentChecks < 1) {
            throw new IllegalArgumentException("maxConcurrentChecks must be at least 1");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive");
        }
    }
}
