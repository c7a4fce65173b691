package com.rialtobridge.documents.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as a container runtime sends it: the service stops accepting, the request in flight (held
 * up by a slow store) still gets its answer, and the process exits 0. The service runs as a real
 * separate JVM, started from this test's class path.
 */
class GracefulShutdownTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)/api/manager/v1");

    @TempDir
    Path dataDir;

    @Test
    void sigtermLetsTheRequestInFlightFinishAndExitsZero() throws Exception {
        WireMockServer store = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        store.start();
        Process process = null;
        try {
            store.stubFor(head(urlPathMatching("/docs/.*")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
            TestService.writeDirectory(dataDir);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Daws.accessKeyId=AKIDSHUTDOWNTEST", "-Daws.secretAccessKey=secret",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"))
                    .redirectErrorStream(true);
            builder.environment().put(ConfigLoader.HTTP_PORT, "0");
            builder.environment().put(ConfigLoader.DATA_DIR, dataDir.toString());
            builder.environment().put(ConfigLoader.DIRECTORY_FILE, dataDir.resolve("directory.yaml").toString());
            builder.environment().put(ConfigLoader.S3_BUCKET, "docs");
            builder.environment().put(ConfigLoader.S3_ENDPOINT, "http://127.0.0.1:" + store.port());
            builder.environment().put(ConfigLoader.REQUEST_TIMEOUT, "10s");
            process = builder.start();
            LinkedBlockingQueue<String> output = new LinkedBlockingQueue<>();
            Process running = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8))) {
                    lines.lines().forEach(output::add);
                } catch (Exception e) {
                    // the process is gone
                }
            });
            reader.setDaemon(true);
            reader.start();
            URI base = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (base == null && System.nanoTime() < until) {
                String line = output.poll(1, TimeUnit.SECONDS);
                Matcher m = line == null ? null : LISTENING.matcher(line);
                if (m != null && m.find()) {
                    base = URI.create(m.group(1));
                }
            }
            assertThat(base).as("the service started: %s", output).isNotNull();

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String key = "rialto-clients/individuals/" + ACME_PERSON + "/0b6f1e38-3a49-4e8a-9d59-6c4d5e2f1a0b_id.pdf";
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(
                            URI.create(base + "/api/manager/v1/clients/" + ACME_PERSON + "/documents/request-batch-download"))
                    .header("RIALTO_API_KEY", ACME_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"keys\":[\"" + key + "\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // Wait until the request's own existence check is at the store (the readiness probe's
            // HeadBucket does not count), then ask the service to stop.
            var existenceCheck = headRequestedFor(urlPathMatching("/docs/rialto-clients/.*"));
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (store.findAll(existenceCheck).isEmpty() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(store.findAll(existenceCheck)).as("the request reached the store").isNotEmpty();
            long signalled = System.nanoTime();
            process.destroy(); // SIGTERM

            HttpResponse<String> response = inFlight.get(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(response.body()).contains("X-Amz-Signature");
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
            assertThat(process.exitValue()).as("exit code after SIGTERM; output: %s", output).isEqualTo(0);
            System.out.printf("SIGTERM: in-flight request answered %d, process exited %d after %d ms%n",
                    response.statusCode(), process.exitValue(), Duration.ofNanos(System.nanoTime() - signalled).toMillis());

            // And it no longer accepts.
            URI stopped = base;
            assertThat(CompletableFuture.supplyAsync(() -> {
                try {
                    http.send(HttpRequest.newBuilder(stopped).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    return "answered";
                } catch (Exception e) {
                    return "refused";
                }
            }).get(5, TimeUnit.SECONDS)).isEqualTo("refused");
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            store.stop();
        }
    }
}
