import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Concurrent clients against a running service for a fixed time, loopback only. Each request is one
 * of three kinds with a known right answer: a valid batch (201, and the URL is there), another
 * manager's view of an unknown client (404), a wrong key (401). Anything else, or an exception, is
 * an error. Run by soak.sh: java SoakDriver.java BASE_URL API_KEY CLIENT DOCUMENT_KEY SECONDS CLIENTS
 */
public final class SoakDriver {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String apiKey = args[1];
        String client = args[2];
        String documentKey = args[3];
        long seconds = Long.parseLong(args[4]);
        int clients = Integer.parseInt(args[5]);
        URI own = URI.create(base + "/api/manager/v1/clients/" + client + "/documents/request-batch-download");
        URI unknown = URI.create(base + "/api/manager/v1/clients/0f3e2d1c-0000-4000-8000-00000000dead/documents/request-batch-download");
        String body = "{\"keys\":[\"" + documentKey.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]}";

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        LongAdder requests = new LongAdder();
        LongAdder errors = new LongAdder();
        ConcurrentHashMap<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long[][] latencies = new long[clients][];
        AtomicLong firstError = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Thread[] threads = new Thread[clients];
        for (int t = 0; t < clients; t++) {
            int me = t;
            threads[t] = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                long i = me;
                while (System.nanoTime() < end) {
                    int kind = (int) (i++ % 10);
                    URI target = kind == 8 ? unknown : own;
                    String key = kind == 9 ? "rk_soak_wrong_key" : apiKey;
                    int expected = kind == 8 ? 404 : kind == 9 ? 401 : 201;
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(target)
                                .timeout(Duration.ofSeconds(10)).header("RIALTO_API_KEY", key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        boolean right = response.statusCode() == expected
                                && (expected != 201 || response.body().contains("X-Amz-Signature="));
                        outcomes.computeIfAbsent(String.valueOf(response.statusCode()), s -> new LongAdder()).increment();
                        if (!right) {
                            errors.increment();
                            if (firstError.compareAndSet(0, 1)) {
                                System.err.println("unexpected: " + response.statusCode() + " " + response.body());
                            }
                        }
                    } catch (Exception e) {
                        errors.increment();
                        outcomes.computeIfAbsent(e.getClass().getSimpleName(), s -> new LongAdder()).increment();
                        if (firstError.compareAndSet(0, 1)) {
                            System.err.println("exception: " + e);
                        }
                    }
                    requests.increment();
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - started;
                }
                latencies[me] = Arrays.copyOf(mine, n);
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("requests=%d errors=%d rate=%.0f/s clients=%d seconds=%d outcomes=%s%n",
                requests.sum(), errors.sum(), requests.sum() / (double) seconds, clients, seconds, outcomes);
        if (all.length > 0) {
            System.out.printf("latency_ms p50=%.1f p99=%.1f max=%.1f%n", all[all.length / 2] / 1e6,
                    all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6);
        }
        System.exit(errors.sum() == 0 ? 0 : 1);
    }
}
