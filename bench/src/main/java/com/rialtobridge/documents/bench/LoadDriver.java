package com.rialtobridge.documents.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load driver of bench/load/run.sh, a separate process from the service, using nothing but
 * the JDK (so it runs on any machine that builds the project).
 *
 * <pre>
 * first201 LOG START_EPOCH_MS     watch the service's console log for its address, API key and demo
 *                                 document, POST until a 201, print FIRST_201_MS=... since START
 *                                 (or take them from env RIALTO_API_KEY, FIRST201_CLIENT, FIRST201_BODY)
 * load OPERATION_URL KEYS_FILE CONCURRENCY SECONDS SIZES
 *                                 (API key in env RIALTO_API_KEY) for each batch size in SIZES (e.g.
 *                                 1,10,100): warm up, then CONCURRENCY connections POST batches for
 *                                 SECONDS and print requests/s, URLs/s, p50 and p99
 * </pre>
 */
public final class LoadDriver {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)/api/manager/v1");
    private static final Pattern API_KEY = Pattern.compile("RIALTO_API_KEY=(\\S+)");
    private static final Pattern CURL = Pattern.compile("curl -sS -X POST '(\\S+)'");
    private static final Pattern BODY = Pattern.compile("-d '(\\{.*\\})'");

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "first201" -> first201(Path.of(args[1]), Long.parseLong(args[2]));
            case "load" -> load(URI.create(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), args[5]);
            default -> {
                System.err.println("usage: first201 LOG START_EPOCH_MS | load OPERATION_URL KEYS_FILE CONCURRENCY SECONDS SIZES");
                System.exit(2);
            }
        }
    }

    private static void first201(Path log, long startEpochMillis) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String url = null;
        String key = null;
        String body = null;
        long giveUp = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < giveUp) {
            if (url == null || key == null || body == null) {
                String text = Files.exists(log) ? Files.readString(log) : "";
                if (System.getenv("FIRST201_CLIENT") != null) {
                    // A service on an existing directory prints no banner: the caller names key, client and body.
                    String base = find(LISTENING, text, null);
                    url = base == null ? null : base + "/api/manager/v1/clients/" + System.getenv("FIRST201_CLIENT")
                            + "/documents/request-batch-download";
                    key = System.getenv("RIALTO_API_KEY");
                    body = System.getenv("FIRST201_BODY");
                } else {
                    url = find(CURL, text, url);
                    key = find(API_KEY, text, key);
                    body = find(BODY, text, body);
                }
                if (url == null || key == null || body == null) {
                    Thread.sleep(2);
                    continue;
                }
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json").header("RIALTO_API_KEY", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 201) {
                    System.out.println("FIRST_201_MS=" + (System.currentTimeMillis() - startEpochMillis));
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("no 201 within 120 s; see " + log);
    }

    private static String find(Pattern pattern, String text, String found) {
        if (found != null) {
            return found;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static void load(URI operation, Path keysFile, int concurrency, int seconds, String sizes) throws Exception {
        String apiKey = System.getenv("RIALTO_API_KEY");
        List<String> keys = Files.readAllLines(keysFile).stream().filter(s -> !s.isBlank()).toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // WARMUP_SECONDS=0 when the caller warmed the service up itself (and samples its CPU around this run).
        int warmup = System.getenv("WARMUP_SECONDS") == null ? Math.max(2, seconds / 3)
                : Integer.parseInt(System.getenv("WARMUP_SECONDS"));
        System.out.printf("%d connections, %d s per batch size after %d s warm-up%n%n", concurrency, seconds, warmup);
        System.out.println("| keys/request | requests/s | URLs/s | p50 | p99 | non-201 |");
        System.out.println("|---|---|---|---|---|---|");
        for (String size : sizes.split(",")) {
            int n = Integer.parseInt(size.strip());
            if (n > keys.size()) {
                throw new IllegalArgumentException("only " + keys.size() + " keys in " + keysFile);
            }
            StringBuilder json = new StringBuilder("{\"keys\":[");
            for (int i = 0; i < n; i++) {
                json.append(i == 0 ? "\"" : ",\"").append(keys.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            String body = json.append("]}").toString();
            HttpRequest request = HttpRequest.newBuilder(operation).header("Content-Type", "application/json")
                    .header("RIALTO_API_KEY", apiKey).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> check = http.send(request, HttpResponse.BodyHandlers.ofString());
            int urls = count(check.body(), "\"preSignedUrl\"");
            if (check.statusCode() != 201 || urls != n) {
                throw new IllegalStateException("expected 201 with " + n + " URLs, got " + check.statusCode() + ": "
                        + check.body().substring(0, Math.min(300, check.body().length())));
            }
            if (warmup > 0) {
                run(http, request, concurrency, warmup);
            }
            Result result = run(http, request, concurrency, seconds);
            System.out.printf("| %d | %.0f | %.0f | %.2f ms | %.2f ms | %d |%n", n, result.ok / result.seconds,
                    result.ok * n / result.seconds, result.percentile(50), result.percentile(99), result.failed);
        }
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            count++;
        }
        return count;
    }

    private record Result(long ok, long failed, double seconds, long[] nanos) {

        double percentile(int p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            return nanos[Math.min(nanos.length - 1, (int) Math.ceil(p / 100.0 * nanos.length) - 1)] / 1e6;
        }
    }

    private static Result run(HttpClient http, HttpRequest request, int concurrency, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong failed = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[concurrency];
        CountDownLatch done = new CountDownLatch(concurrency);
        long started = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            long[] times = new long[1 << 18];
            perThread.add(times);
            int index = t;
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end && counts[index] < times.length) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() == 201) {
                            times[counts[index]++] = took;
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, "load-" + t);
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(total, failed.get(), elapsed, all);
    }
}
