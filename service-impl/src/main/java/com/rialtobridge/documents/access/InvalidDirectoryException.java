package com.rialtobridge.documents.access;

/** The directory file is missing or wrong; the message is one line fit to show an operator. */
public final class InvalidDirectoryException extends Exception {

    public InvalidDirectoryException(String message) {
        super(message);
    }
}
