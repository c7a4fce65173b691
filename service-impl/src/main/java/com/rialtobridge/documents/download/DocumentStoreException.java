package com.rialtobridge.documents.download;

/** The store could not answer; the message is for the log, never for the caller. */
public class DocumentStoreException extends RuntimeException {

    public DocumentStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
