package com.rialtobridge.documents.http;

/** No valid API key came with the request; why exactly is never told to the caller. */
final class UnauthenticatedException extends RuntimeException {

    UnauthenticatedException() {
        super("Missing or invalid API key.", null, false, false);
    }
}
