package com.rialtobridge.documents.download;

import java.time.Duration;

/** Makes pre-signed GET URLs; pure computation, no network. */
public interface UrlSigner {

    /** How long every URL stays valid: the contract promises 5 minutes. */
    Duration VALIDITY = Duration.ofMinutes(5);

    /**
     * The absolute URL, percent-encoded and so plain ASCII. It is text on purpose: callers hand it
     * on as text, and parsing a URL of 500-odd characters into a {@code java.net.URI} costs several
     * times what signing it does.
     */
    String presignGet(DocumentKey key, ContentDisposition disposition);
}
