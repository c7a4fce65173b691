package com.rialtobridge.documents.download;

import java.net.URI;
import java.time.Duration;

/** Makes pre-signed GET URLs; pure computation, no network. */
public interface UrlSigner {

    /** How long every URL stays valid: the contract promises 5 minutes. */
    Duration VALIDITY = Duration.ofMinutes(5);

    URI presignGet(DocumentKey key, ContentDisposition disposition);
}
