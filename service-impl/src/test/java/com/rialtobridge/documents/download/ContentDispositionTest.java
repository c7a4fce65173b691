package com.rialtobridge.documents.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void plainNamesAreQuotedAndEncoded() {
        assertThat(ContentDisposition.attachment("file1.pdf").headerValue())
                .isEqualTo("attachment; filename=\"file1.pdf\"; filename*=UTF-8''file1.pdf");
    }

    @Test
    void nonAsciiNamesGetAnAsciiFallbackAndTheExactNameInFilenameStar() {
        assertThat(ContentDisposition.attachment("Relevé de compte.pdf").headerValue())
                .isEqualTo("attachment; filename=\"Relev_ de compte.pdf\"; filename*=UTF-8''Relev%C3%A9%20de%20compte.pdf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"b.pdf", "a;b=c.pdf", "a\\b.pdf", "a\r\nSet-Cookie: x=y.pdf", "50%25.pdf", "emoji 📄.pdf",
        "x\"; filename=\"evil.exe"})
    void untrustedNamesCannotEndTheParameterOrTheHeader(String filename) {
        String header = ContentDisposition.attachment(filename).headerValue();
        String fallback = header.substring("attachment; filename=\"".length(), header.indexOf("\"; filename*="));
        assertThat(fallback).doesNotContain("\"", "\\", "\r", "\n", "%");
        assertThat(fallback.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        String encoded = header.substring(header.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(encoded).matches("[A-Za-z0-9!#$&+\\-.^_`|~%]*");
        assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(filename);
    }
}
