package com.rialtobridge.documents.http;

import com.rialtobridge.documents.download.InvalidRequestException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.List;

/**
 * Reads at most the configured number of body bytes. A declared {@code Content-Length} over the
 * limit is refused before a byte is read; a chunked body is counted as it is read and refused the
 * moment it passes the limit, so no body is ever buffered whole. Runs after the API-key check, so
 * a caller without a key learns nothing, not even the limit.
 *
 * <p>JSON on the wire is UTF-8 without a byte order mark (RFC 8259): a body that starts with a BOM,
 * or with a zero byte (UTF-16 or UTF-32, which the JSON parser would otherwise guess at), is refused.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 10)
public final class RequestBodyLimit implements ContainerRequestFilter {

    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    private final long maxBytes;

    public RequestBodyLimit(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        for (String once : new String[] {HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH}) {
            List<String> values = request.getHeaders().get(once);
            if (values != null && values.size() > 1) {
                // Two of them are ambiguous, and proxies may pick another one than we would: refuse.
                throw new InvalidRequestException("The " + once + " header must be sent once.");
            }
        }
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && !declared.matches("\\d{1,18}")) {
            throw new InvalidRequestException("The Content-Length header is not a whole number.");
        }
        if (declared != null && Long.parseLong(declared) > maxBytes) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(new PushbackInputStream(request.getEntityStream(), 3), maxBytes));
        }
    }

    private InvalidRequestException tooLarge() {
        return new InvalidRequestException("The request body is larger than " + maxBytes + " bytes.");
    }

    /** Counts what is read; refuses the byte past the limit, and a BOM at the start. */
    private final class Bounded extends FilterInputStream {

        private long remaining;
        private boolean started;

        Bounded(PushbackInputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (!started) {
                started = true;
                refuseByteOrderMark();
            }
            if (length == 0) {
                return 0;
            }
            // Ask for one byte more than allowed, so a body of exactly the limit passes and one byte more does not.
            int n = in.read(buffer, offset, (int) Math.min(length, remaining + 1));
            if (n > 0) {
                remaining -= n;
                if (remaining < 0) {
                    throw tooLarge();
                }
            }
            return n;
        }

        private void refuseByteOrderMark() throws IOException {
            PushbackInputStream pushback = (PushbackInputStream) in;
            byte[] head = pushback.readNBytes(3);
            if (head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                throw new InvalidRequestException("The request body starts with a byte order mark; send JSON without one.");
            }
            boolean utf8Start = true;
            for (int i = 0; i < Math.min(2, head.length); i++) {
                int b = head[i] & 0xff;
                utf8Start &= b != 0 && b != 0xFE && b != 0xFF;
            }
            if (!utf8Start) {
                throw new InvalidRequestException("The request body must be JSON in UTF-8.");
            }
            pushback.unread(head);
        }

        @Override
        public long skip(long n) throws IOException {
            int chunk = (int) Math.max(0, Math.min(n, 8192));
            return Math.max(0, read(new byte[chunk], 0, chunk));
        }
    }
}
