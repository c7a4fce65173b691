package com.rialtobridge.documents.access;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id of a client account, as it appears in the API path and in document keys.
 *
 * <p>Rialto's ids are UUIDs; we accept any short run of letters, digits, '-', '_' and '.', so
 * that a directory can name clients as its operator likes, but never '.' or '..' (which would make
 * a key prefix mean something else).
 */
public record ClientId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    public ClientId {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a client id: letters, digits, '.', '_' or '-', 1 to 128 of them");
        }
    }

    /** Empty when the text cannot be any client's id: such a client does not exist. */
    public static Optional<ClientId> parse(String text) {
        return text != null && isWellFormed(text) ? Optional.of(new ClientId(text)) : Optional.empty();
    }

    private static boolean isWellFormed(String text) {
        return SHAPE.matcher(text).matches() && !text.equals(".") && !text.equals("..");
    }

    @Override
    public String toString() {
        return value;
    }
}
