package com.rialtobridge.documents.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A safety net around the real encoder (text or JSON): whatever a line says, a pre-signed URL's
 * signature, credential or session token and an API key are masked before it is written. The
 * service's own code never logs them; this catches the library that one day logs a URL or a header.
 */
public final class RedactingEncoder extends EncoderBase<ILoggingEvent> {

    static final String MASK = "****";

    /** {@code X-Amz-Signature=...} and friends, also percent-encoded ({@code %3D}) inside another URL. */
    private static final Pattern SIGNING_PARAMETERS = Pattern.compile(
            "(?i)(X-Amz-(?:Signature|Credential|Security-Token)(?:=|%3D))(?:(?!%26)[^&\\s\"'\\\\<>])+");
    /** The header and anything shaped like it: {@code RIALTO_API_KEY: v}, {@code RIALTO_API_KEY=v}, JSON. */
    private static final Pattern API_KEY_HEADER = Pattern.compile(
            "(?i)(RIALTO_API_KEY\\\\?\"?\\s*[:=]\\s*\\[?\\\\?\"?)[^\\s\"',;&\\\\\\]]+");
    /** The keys this service generates (rk_ and 43 base64url characters), wherever they appear. */
    private static final Pattern GENERATED_KEY = Pattern.compile("\\brk_[A-Za-z0-9_-]{16,}");

    private Encoder<ILoggingEvent> encoder;

    /** The encoder that formats the line (set in logback.xml as a nested {@code <encoder>}). */
    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("RedactingEncoder needs a nested <encoder>");
            return;
        }
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return redact(encoder.headerBytes());
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return redact(encoder.encode(event));
    }

    @Override
    public byte[] footerBytes() {
        return redact(encoder.footerBytes());
    }

    private static byte[] redact(byte[] line) {
        if (line == null || line.length == 0) {
            return line;
        }
        return redact(new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    static String redact(String line) {
        String masked = SIGNING_PARAMETERS.matcher(line).replaceAll("$1" + MASK);
        masked = API_KEY_HEADER.matcher(masked).replaceAll("$1" + MASK);
        return GENERATED_KEY.matcher(masked).replaceAll("rk_" + MASK);
    }
}
