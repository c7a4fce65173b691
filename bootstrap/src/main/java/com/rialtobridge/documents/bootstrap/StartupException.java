package com.rialtobridge.documents.bootstrap;

/** The service cannot start; the message is one line that says why and what to change. */
public final class StartupException extends Exception {

    public StartupException(String message) {
        super(message);
    }
}
