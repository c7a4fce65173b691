package com.rialtobridge.documents.bootstrap;

import com.rialtobridge.documents.access.ApiKeyHash;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "hash-key", mixinStandardHelpOptions = true,
        description = {"Read an API key on standard input and print the SHA-256 to put in the directory file's"
                + " apiKeySha256 list.", "The key itself is never written anywhere."})
final class HashKeyCommand implements Callable<Integer> {

    static final int MIN_LENGTH = 24;

    @Override
    public Integer call() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String key = in.readLine();
        if (key == null || key.strip().isEmpty()) {
            System.err.println("rialto-documents hash-key: no key on standard input");
            return 2;
        }
        // A trailing newline or space from `echo` or a paste is never part of a key.
        String stripped = key.strip();
        if (stripped.length() < MIN_LENGTH) {
            // A key is the only thing between a caller and identity documents, and 401s are not rate
            // limited: a short one could be guessed. The generated demo key has 46 characters.
            System.err.println("rialto-documents hash-key: a key needs at least " + MIN_LENGTH
                    + " characters; use a random one, e.g. `openssl rand -base64 32`");
            return 2;
        }
        System.out.println(ApiKeyHash.of(stripped).hex());
        return 0;
    }
}
