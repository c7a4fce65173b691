package com.rialtobridge.documents.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A TCP proxy in front of the store that holds every request for a fixed delay before passing it
 * on, as a store 20 ms away would, and counts requests by HTTP method. It forwards bytes untouched,
 * so the store behind it still checks every SigV4 signature (WireMock could only pretend to).
 *
 * <p>A chunk read from the client that starts with an HTTP method is one request: the SDK writes a
 * HeadObject or ListObjectsV2 request (no body) in one write, on a kept-alive connection.
 */
final class DelayingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private volatile long delayMillis;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Thread acceptor;

    DelayingProxy(InetSocketAddress upstream, long delayMillis) throws IOException {
        this.upstream = upstream;
        this.delayMillis = delayMillis;
        this.server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Changes the delay of requests from now on. */
    void delay(long millis) {
        this.delayMillis = millis;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Requests seen since the last reset, by method: HEAD is HeadObject, GET is ListObjectsV2 here. */
    Map<String, Long> requestsAndReset() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        requests.forEach((method, count) -> counts.put(method, count.sumThenReset()));
        counts.values().removeIf(c -> c == 0);
        return counts;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                Socket store = new Socket(upstream.getAddress(), upstream.getPort());
                store.setTcpNoDelay(true);
                daemon(() -> pump(client, store, true), "proxy-up");
                daemon(() -> pump(store, client, false), "proxy-down");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean towardsStore) {
        byte[] buffer = new byte[64 * 1024];
        try (from; to; InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (towardsStore) {
                    String method = methodOf(buffer, read);
                    if (method != null) {
                        requests.computeIfAbsent(method, m -> new LongAdder()).increment();
                        long delay = delayMillis;
                        if (delay > 0) {
                            Thread.sleep(delay);
                        }
                    }
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // One side closed: the try closes the other.
        }
    }

    private static String methodOf(byte[] buffer, int length) {
        for (String method : new String[] {"HEAD ", "GET ", "PUT ", "POST ", "DELETE "}) {
            if (length >= method.length()
                    && new String(buffer, 0, method.length(), StandardCharsets.US_ASCII).equals(method)) {
                return method.strip();
            }
        }
        return null;
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
