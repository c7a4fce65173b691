package com.rialtobridge.documents.download;

/** The request breaks the contract or our limits; the message is shown to the caller. */
public final class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
