package com.rialtobridge.documents.download;

import java.util.Locale;

/** The two kinds of client account, each with its own part of permanent storage. */
public enum ClientKind {
    INDIVIDUALS,
    ENTITIES;

    public String segment() {
        return name().toLowerCase(Locale.ROOT);
    }
}
