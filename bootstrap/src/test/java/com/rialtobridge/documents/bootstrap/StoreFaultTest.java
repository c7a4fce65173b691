package com.rialtobridge.documents.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.rialtobridge.documents.bootstrap.ProblemAssertions.assertProblem;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.rialtobridge.documents.http.ProblemMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The store misbehaves (WireMock stands in for S3): every failure is a 500 problem body within the
 * deadline, retries are bounded by the SDK's retry strategy, and once the store is well again so is
 * the service, with no threads or connections left behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreFaultTest {

    static final Duration DEADLINE = Duration.ofSeconds(1);
    static final String KEY = "rialto-clients/individuals/" + ACME_PERSON + "/0b6f1e38-3a49-4e8a-9d59-6c4d5e2f1a0b_id.pdf";
    static final String BODY = "{\"keys\":[\"" + KEY + "\"]}";

    @TempDir
    static Path dataDir;
    static WireMockServer store;
    static RunningService service;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static int threadsBefore;

    @BeforeAll
    static void start() throws Exception {
        store = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(20));
        store.start();
        // The default credentials chain reads these first; no real credentials are involved.
        System.setProperty("aws.accessKeyId", "AKIDWIREMOCKTEST");
        System.setProperty("aws.secretAccessKey", "wiremock-secret");
        TestService.writeDirectory(dataDir);
        ServiceConfig config = TestService.config(dataDir, Map.of(
                ConfigLoader.S3_BUCKET, "docs",
                ConfigLoader.S3_ENDPOINT, "http://127.0.0.1:" + store.port(),
                ConfigLoader.S3_PATH_STYLE, "true",
                // Every request must reach the faulty store: a key remembered from the healthy
                // requests would be signed without asking it.
                ConfigLoader.EXISTENCE_CACHE_TTL, "0",
                ConfigLoader.REQUEST_TIMEOUT, DEADLINE.toMillis() + "ms"));
        service = RunningService.start(config, new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() {
        service.close();
        store.stop();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    static HttpResponse<String> post() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(java.net.URI.create(service.baseUri() + "/api/manager/v1/clients/"
                        + ACME_PERSON + "/documents/request-batch-download"))
                .header("RIALTO_API_KEY", ACME_KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void storeAnswers(ResponseDefinitionBuilder answer) {
        store.resetAll();
        store.stubFor(head(urlPathMatching("/docs/rialto-clients/.*")).willReturn(answer));
    }

    @Test
    @Order(1)
    void aHealthyStoreGivesUrls() throws Exception {
        storeAnswers(aResponse().withStatus(200).withHeader("Content-Length", "3"));
        // The very first call loads and links half the SDK, which on a busy machine can take longer
        // than the short deadline of this test: warm up, then a healthy store must answer every time.
        for (int i = 0; i < 3; i++) {
            post();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(post().statusCode()).isEqualTo(201);
        }
        threadsBefore = serviceThreads();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("500 InternalError", aResponse().withStatus(500), "store-unavailable", 3),
                Arguments.of("503 SlowDown", aResponse().withStatus(503).withHeader("x-amz-error-code", "SlowDown"), "store-unavailable", 3),
                Arguments.of("429 throttling", aResponse().withStatus(429).withHeader("x-amz-error-code", "TooManyRequests"), null, 3),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "store-unavailable", 3),
                Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE), "store-unavailable", 3),
                Arguments.of("garbage", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), "store-unavailable", 3),
                Arguments.of("slow answer", aResponse().withStatus(200).withFixedDelay(4000), null, 3),
                Arguments.of("slow body", aResponse().withStatus(200).withHeader("Content-Length", "3")
                        .withChunkedDribbleDelay(3, 4000).withBody("abc"), null, 3),
                Arguments.of("403 permission fault", aResponse().withStatus(403), "store-unavailable", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    @Order(2)
    void everyStoreFaultIsAQuick500ProblemWithBoundedRetries(String name, ResponseDefinitionBuilder fault, String type,
            int maxAttempts) throws Exception {
        storeAnswers(fault);
        Logger mapperLog = (Logger) LoggerFactory.getLogger(ProblemMapper.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        mapperLog.addAppender(logged);
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = post();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(500);
            if (type != null) {
                assertProblem(response, 500, type);
            } else {
                // Slow answers and throttling backoff run into the deadline, or the attempts run out first.
                assertProblem(response, 500, response.body().contains("store-timeout") ? "store-timeout" : "store-unavailable");
            }
            assertThat(took).as(name + " answered within the deadline plus a margin").isLessThan(DEADLINE.plusMillis(1500));
            int attempts = store.findAll(anyRequestedFor(anyUrl())).size();
            assertThat(attempts).as(name + ": attempts").isBetween(1, maxAttempts);
            String line = logged.list.stream().map(ILoggingEvent::getFormattedMessage).findFirst().orElse("");
            assertThat(line).contains(response.headers().firstValue("X-Request-Id").orElseThrow());
            if (name.startsWith("403")) {
                assertThat(line.toLowerCase(Locale.ROOT)).contains("permission fault", "s3:listbucket");
            }
            System.out.printf("store fault %-22s -> %d in %d ms after %d attempt(s)%n", name, response.statusCode(),
                    took.toMillis(), attempts);
        } finally {
            mapperLog.detachAppender(logged);
        }
    }

    @Test
    @Order(3)
    void theServiceRecoversWhenTheStoreDoesWithNothingLeftBehind() throws Exception {
        storeAnswers(aResponse().withStatus(200).withHeader("Content-Length", "3"));
        for (int i = 0; i < 5; i++) {
            assertThat(post().statusCode()).isEqualTo(201);
        }
        int threadsAfter = waitForThreadsToSettle();
        long connections = openConnectionsTo(store.port());
        assertThat(connections).as("the pool keeps its connection to a healthy store").isGreaterThanOrEqualTo(1);
        System.out.printf("threads before faults %d, after recovery %d; open connections to the store %d%n",
                threadsBefore, threadsAfter, connections);
        assertThat(threadsAfter).as("no threads stuck on the faults").isLessThanOrEqualTo(threadsBefore + 2);
        assertThat(connections).as("no connection stuck on the faults").isLessThanOrEqualTo(2);
    }

    private static int waitForThreadsToSettle() throws InterruptedException {
        int count = serviceThreads();
        for (int i = 0; i < 30 && count > threadsBefore; i++) {
            Thread.sleep(100);
            count = serviceThreads();
        }
        return count;
    }

    /**
     * Threads of the service's HTTP server and S3 client (Grizzly, Netty, the SDK): the rest of the
     * test JVM (other test classes winding down, WireMock's own pool) comes and goes on its own.
     */
    private static int serviceThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.matches("(?i).*(grizzly|netty|aws|sdk).*")).count();
    }

    /** ESTABLISHED TCP connections to the given port, from /proc (Linux; Java's sockets may be IPv6 ones). */
    static long openConnectionsTo(int port) throws Exception {
        String portHex = String.format(Locale.ROOT, "%04X", port);
        long count = 0;
        for (String name : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path table = Path.of(name);
            if (Files.isReadable(table)) {
                try (Stream<String> lines = Files.lines(table)) {
                    count += lines.skip(1).map(String::trim).map(l -> l.split("\\s+"))
                            .filter(f -> f[2].endsWith(":" + portHex) && f[3].equals("01"))
                            .count();
                }
            }
        }
        return count;
    }
}
