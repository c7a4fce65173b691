package com.rialtobridge.documents.bootstrap;

/** Which implementation signs download URLs ({@code RIALTO_SIGNER}); both produce the same URLs. */
public enum UrlSignerKind {

    /** The service's own SigV4 query signer: a small fraction of the SDK's cost per URL (bench/README.md). */
    FAST("fast"),

    /** The AWS SDK's S3Presigner: the reference, kept as a fallback should the two ever disagree. */
    SDK("sdk");

    private final String configValue;

    UrlSignerKind(String configValue) {
        this.configValue = configValue;
    }

    /** How the value is written in the configuration. */
    public String configValue() {
        return configValue;
    }
}
