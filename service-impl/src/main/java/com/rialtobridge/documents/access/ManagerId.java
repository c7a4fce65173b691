package com.rialtobridge.documents.access;

import java.util.Objects;

/** The id of a manager account: safe to log, unlike its API keys. */
public record ManagerId(String value) {

    public ManagerId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 128 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a manager id is 1 to 128 printable characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
