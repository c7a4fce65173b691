package com.rialtobridge.documents.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rialtobridge.documents.access.ApiKeyHash;
import com.rialtobridge.documents.access.ClientId;
import com.rialtobridge.documents.access.Directory;
import com.rialtobridge.documents.access.Manager;
import com.rialtobridge.documents.access.ManagerId;
import com.rialtobridge.documents.download.BatchDownloadService;
import com.rialtobridge.documents.download.ClientKind;
import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.documents.download.DownloadLimits;
import com.rialtobridge.documents.download.ExistencePolicy;
import com.rialtobridge.documents.http.DocumentsApplication;
import com.rialtobridge.documents.storage.S3Clients;
import com.rialtobridge.documents.storage.S3DocumentStore;
import com.rialtobridge.documents.storage.S3DocumentUploader;
import com.rialtobridge.documents.storage.S3Location;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Batch latency and store calls with every store call 20 ms away: the service's own parts (HTTP,
 * Jersey, the existence checks, the SDK's async client and presigner) in this process, in front of a
 * {@link DelayingProxy} in front of a real signature-checking s3proxy. Run by bench/latency/run.sh.
 *
 * <p>Prints, per strategy, the median time of 1, 100 and 1000-key requests and their ratio to the
 * 1-key request (target: 100 keys at most 2x, 1000 keys at most 4x), then the store calls of 1, 10
 * and 100-key requests, cold (new service, empty cache) and warm (the same request again).
 */
public final class BatchLatencyBench {

    private static final String BUCKET = "bench";
    private static final String API_KEY = "rk_bench_" + UUID.randomUUID();
    /** A client with 100 documents, asked for 1, 10 or 100 of them. */
    private static final ClientId CLIENT = new ClientId("91e5bd3c-0e13-4e6e-a673-3c0842b7f370");
    /** A client with 1000 documents (far more than usual), asked for all of them. */
    private static final ClientId LARGE_CLIENT = new ClientId("d61b6b30-0bf6-4fe7-9110-905b78f938df");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Clients clients;
    private final DelayingProxy proxy;
    private final List<String> keys;
    private final List<String> largeKeys;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int rounds;

    private BatchLatencyBench(S3Clients clients, DelayingProxy proxy, List<String> keys, List<String> largeKeys,
            int rounds) {
        this.clients = clients;
        this.proxy = proxy;
        this.keys = keys;
        this.largeKeys = largeKeys;
        this.rounds = rounds;
    }

    public static void main(String[] args) throws Exception {
        long delay = Long.parseLong(System.getProperty("delayMs", "20"));
        int rounds = Integer.parseInt(System.getProperty("rounds", "15"));
        // Grizzly and Jersey log through java.util.logging: keep their start/stop lines off the console.
        java.util.logging.LogManager.getLogManager().reset();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        String access = "BENCH" + UUID.randomUUID().toString().replace("-", "").substring(0, 15).toUpperCase();
        String secret = UUID.randomUUID() + UUID.randomUUID().toString();
        S3Proxy store = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, access, secret)
                .build();
        store.start();
        while (!"STARTED".equals(store.getState())) {
            Thread.sleep(10);
        }
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(access, secret));
        List<String> keys = new ArrayList<>();
        List<String> largeKeys = new ArrayList<>();
        S3Clients direct = new S3Clients(new S3Location(BUCKET, Region.US_EAST_1,
                Optional.of(URI.create("http://127.0.0.1:" + store.getPort())), true), credentials);
        try (var s3 = direct.syncClient()) {
            S3DocumentUploader uploader = new S3DocumentUploader(s3, BUCKET);
            uploader.ensureBucket();
            for (int i = 0; i < 100; i++) {
                keys.add(uploader.upload(ClientKind.INDIVIDUALS, CLIENT, String.format("statement %04d.pdf", i),
                        new byte[] {1}, "application/pdf").value());
            }
            for (int i = 0; i < 1000; i++) {
                largeKeys.add(uploader.upload(ClientKind.INDIVIDUALS, LARGE_CLIENT, String.format("statement %04d.pdf", i),
                        new byte[] {1}, "application/pdf").value());
            }
        }
        try (DelayingProxy proxy = new DelayingProxy(new InetSocketAddress("127.0.0.1", store.getPort()), delay)) {
            S3Clients delayed = new S3Clients(new S3Location(BUCKET, Region.US_EAST_1,
                    Optional.of(URI.create("http://127.0.0.1:" + proxy.port())), true), credentials);
            BatchLatencyBench bench = new BatchLatencyBench(delayed, proxy, keys, largeKeys, rounds);
            System.out.printf("Every store call delayed by %d ms; medians of %d requests after as many warm-up requests (at least 10);"
                    + " existence cache off; 1 and 100 keys of a client with 100 documents, 1000 keys of a client"
                    + " with 1000.%n%n", delay, rounds);
            System.out.println("| strategy | 1 key | 100 keys | 1000 keys | 100/1 | 1000/1 | same with no delay (1/100/1000) |");
            System.out.println("|---|---|---|---|---|---|---|");
            bench.latency("default: list from 4 keys, 32 concurrent checks",
                    new ExistencePolicy(4, 5000, Duration.ZERO, 10_000), 32, delay);
            bench.latency("HeadObject per key, 32 concurrent (RIALTO_S3_LIST_MIN_KEYS=0)", ExistencePolicy.HEAD_ONLY, 32, delay);
            bench.latency("HeadObject per key, 256 concurrent", ExistencePolicy.HEAD_ONLY, 256, delay);
            System.out.println();
            System.out.println("Store calls per request (HEAD = HeadObject, GET = ListObjectsV2):");
            System.out.println();
            System.out.println("| strategy | keys | cold | warm |");
            System.out.println("|---|---|---|---|");
            for (int size : new int[] {1, 10, 100}) {
                bench.calls("default (list from 4, cache 30s)", ExistencePolicy.DEFAULT, size);
            }
            for (int size : new int[] {1, 10, 100}) {
                bench.calls("HeadObject only, no cache", ExistencePolicy.HEAD_ONLY, size);
            }
        } finally {
            store.stop();
        }
    }

    private void latency(String name, ExistencePolicy policy, int concurrency, long delay) throws Exception {
        try (Running service = start(policy, concurrency)) {
            int[] sizes = {1, 100, 1000};
            double[][] medians = new double[2][3];
            // No delay first: it also warms the JIT, so the delayed run is not the colder one.
            long[] delays = {0, delay};
            for (int d = 0; d < delays.length; d++) {
                proxy.delay(delays[d]);
                for (int s = 0; s < sizes.length; s++) {
                    boolean large = sizes[s] > keys.size();
                    String body = JSON.writeValueAsString(Map.of("keys", (large ? largeKeys : keys).subList(0, sizes[s])));
                    // Warm-up long enough for the JIT to compile the request path, so the medians measure
                    // the design (round trips) rather than the interpreter.
                    for (int i = 0; i < Math.max(10, rounds); i++) {
                        service.post(body, large);
                    }
                    double[] times = new double[rounds];
                    for (int i = 0; i < rounds; i++) {
                        long start = System.nanoTime();
                        service.post(body, large);
                        times[i] = (System.nanoTime() - start) / 1e6;
                    }
                    Arrays.sort(times);
                    medians[d][s] = times[rounds / 2];
                }
            }
            proxy.delay(delay);
            proxy.requestsAndReset();
            double[] none = medians[0];
            double[] at = medians[1];
            System.out.printf("| %s | %.1f ms | %.1f ms | %.1f ms | **%.2fx** | **%.2fx** | %.1f / %.1f / %.1f ms |%n",
                    name, at[0], at[1], at[2], at[1] / at[0], at[2] / at[0], none[0], none[1], none[2]);
        }
    }

    private void calls(String name, ExistencePolicy policy, int size) throws Exception {
        try (Running service = start(policy, 32)) {
            String body = body(size);
            proxy.requestsAndReset();
            service.post(body, false);
            Map<String, Long> cold = proxy.requestsAndReset();
            service.post(body, false);
            Map<String, Long> warm = proxy.requestsAndReset();
            System.out.printf("| %s | %d | %s | %s |%n", name, size, describe(cold), describe(warm));
        }
    }

    private static String describe(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return total == 0 ? "0" : total + " " + counts;
    }

    private String body(int size) throws Exception {
        return JSON.writeValueAsString(Map.of("keys", keys.subList(0, size)));
    }

    private Running start(ExistencePolicy policy, int concurrency) {
        S3AsyncClient s3 = clients.asyncClient(concurrency * 2, Duration.ofSeconds(30));
        S3Presigner presigner = clients.presigner();
        BatchDownloadService downloads = new BatchDownloadService(new S3DocumentStore(s3, BUCKET), policy,
                clients.queryUrlSigner(java.time.Clock.systemUTC()), new DownloadLimits(1000, concurrency, Duration.ofSeconds(30)));
        Directory directory = new Directory(List.of(
                new Manager(new ManagerId("bench"), List.of(ApiKeyHash.of(API_KEY)), Set.of(CLIENT, LARGE_CLIENT))));
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
                new DocumentsApplication(downloads, () -> directory), true);
        int port = server.getListeners().iterator().next().getPort();
        return new Running(server, s3, presigner, URI.create("http://127.0.0.1:" + port + "/api/manager/v1/clients/"), http);
    }

    private record Running(HttpServer server, S3AsyncClient s3, S3Presigner presigner, URI clients, HttpClient http)
            implements AutoCloseable {

        void post(String body, boolean largeClient) throws Exception {
            URI operation = clients.resolve((largeClient ? LARGE_CLIENT : CLIENT).value() + "/documents/request-batch-download");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(operation)
                    .header("Content-Type", "application/json").header("RIALTO_API_KEY", API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("expected 201, got " + response.statusCode() + ": " + response.body());
            }
        }

        @Override
        public void close() {
            server.shutdownNow();
            s3.close();
            presigner.close();
        }
    }
}
