package com.rialtobridge.documents.bootstrap;

/** A configuration value is wrong; the message is one line that names the key and the problem. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }
}
