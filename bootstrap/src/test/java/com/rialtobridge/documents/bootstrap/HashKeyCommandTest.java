package com.rialtobridge.documents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.rialtobridge.documents.access.ApiKeyHash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** hash-key refuses keys short enough to be guessed, and never prints the key itself. */
class HashKeyCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result hashKey(String stdin) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = Main.run("hash-key");
            return new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aLongKeyIsHashedWithoutItsTrailingNewline() {
        String key = "rk_0123456789abcdefghijklmnopqrstuv";
        Result result = hashKey(key + "\n");
        assertThat(result.code()).isZero();
        assertThat(result.out().strip()).isEqualTo(ApiKeyHash.of(key).hex());
        assertThat(result.out() + result.err()).doesNotContain(key);
    }

    @Test
    void aShortOrEmptyKeyIsRefused() {
        for (String weak : new String[] {"", "\n", "password", "a".repeat(HashKeyCommand.MIN_LENGTH - 1)}) {
            Result result = hashKey(weak);
            assertThat(result.code()).as(weak).isEqualTo(2);
            assertThat(result.out()).isEmpty();
            if (!weak.isBlank()) {
                assertThat(result.err()).contains("at least " + HashKeyCommand.MIN_LENGTH).doesNotContain(weak);
            }
        }
    }
}
