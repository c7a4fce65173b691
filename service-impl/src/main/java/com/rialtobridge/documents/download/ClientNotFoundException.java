package com.rialtobridge.documents.download;

/**
 * The client does not exist or is not the caller's: one answer for both, so that a caller cannot
 * learn which client ids exist.
 */
public final class ClientNotFoundException extends RuntimeException {

    public ClientNotFoundException() {
        super("Client not found.", null, false, false);
    }
}
