package com.rialtobridge.documents.download;

import java.time.Duration;

/** The request ran out of time waiting for the store: answered as a server fault, not left hanging. */
public final class DeadlineExceededException extends DocumentStoreException {

    public DeadlineExceededException(Duration deadline) {
        super("the document store did not answer within the request deadline of " + deadline, null);
    }
}
