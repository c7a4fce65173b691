package com.rialtobridge.documents.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** Percent-encoding agrees with the SDK's, including on text no document key could hold. */
class AsciiBufferTest {

    @Test
    void encodesLikeTheSdkForAnyUtf16Text() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            String text = randomUtf16(random);
            assertThat(new AsciiBuffer(4).appendEncoded(text, false).toString())
                    .as("query value %s", escaped(text))
                    .isEqualTo(SdkHttpUtils.urlEncode(text));
            assertThat(new AsciiBuffer(4).appendEncoded(text, true).toString())
                    .as("path %s", escaped(text))
                    .isEqualTo(SdkHttpUtils.urlEncodeIgnoreSlashes(text));
        }
    }

    @Test
    void writesFixedWidthDigitsAndLowerCaseHex() {
        assertThat(new AsciiBuffer(1).appendDigits(7, 2).appendDigits(2024, 4).appendDigits(0, 2).toString())
                .isEqualTo("07202400");
        assertThat(new AsciiBuffer(1).appendHex(new byte[] {0, 15, (byte) 0xab, (byte) 0xff}).toString())
                .isEqualTo("000fabff");
    }

    /** Mostly the awkward cases: ASCII punctuation, multi-byte letters, pairs and lone surrogates. */
    private static String randomUtf16(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 1 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 2 -> text.append((char) (0x800 + random.nextInt(0xd000)));
                case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                default -> text.append((char) (0xd800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }
}
