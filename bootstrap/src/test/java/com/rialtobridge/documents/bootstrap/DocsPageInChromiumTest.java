package com.rialtobridge.documents.bootstrap;

import static com.rialtobridge.documents.bootstrap.ProblemAssertions.JSON;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs page in a real browser: headless Chromium, driven over the DevTools protocol with the
 * JDK's own WebSocket client. Runs where /usr/bin/chromium exists (Debian: apt-get install chromium),
 * is skipped elsewhere; run it alone with
 * {@code mvn -B -pl bootstrap -am verify -Dtest=DocsPageInChromiumTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DocsPageInChromiumTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @TempDir
    Path profile;

    @Test
    void theOperationCanBeTriedOutWithTheDemoKeyAndAnswers201() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "needs " + CHROMIUM + " (Debian package chromium)");
        try (TestService rialto = TestService.start(dataDir, Map.of(ACME_PERSON, Map.of("welcome letter.txt", "hello")));
                Browser browser = Browser.start(profile)) {
            String key = rialto.keysOf(ACME_PERSON).get(0).value();
            browser.navigate(rialto.service.baseUri() + "/docs/");

            // The page loads Swagger UI, which loads our contract and shows the operation.
            browser.waitUntil("document.querySelector('.opblock-summary-path') !== null");
            assertThat(browser.eval("document.querySelector('.opblock-summary-path').textContent").asText())
                    .contains("/clients/{clientId}/documents/request-batch-download");
            assertThat(browser.eval("document.querySelector('.opblock-summary-method').textContent").asText())
                    .isEqualTo("POST");

            // Authorize with the key (Swagger UI's own API for the Authorize dialog), open the operation, Try it out.
            browser.eval("window.ui.preauthorizeApiKey('api_key', " + JSON.writeValueAsString(ACME_KEY) + ")");
            browser.eval("document.querySelector('.opblock-summary-control').click()");
            browser.waitUntil("document.querySelector('.try-out__btn') !== null");
            browser.eval("document.querySelector('.try-out__btn').click()");
            browser.waitUntil("document.querySelector('tr[data-param-name=\"clientId\"] input') !== null"
                    + " && document.querySelector('textarea.body-param__text') !== null");
            // React owns these fields: set them the way typing would, through the native setter and an input event.
            browser.eval(type("tr[data-param-name=\"clientId\"] input", "HTMLInputElement", ACME_PERSON.value()));
            browser.eval(type("textarea.body-param__text", "HTMLTextAreaElement",
                    JSON.writeValueAsString(Map.of("keys", List.of(key)))));
            // Swagger UI debounces what is typed into a parameter (about 350 ms) before it validates.
            Thread.sleep(1000);
            browser.eval("document.querySelector('button.execute').click()");

            browser.waitUntil("document.querySelector('.live-responses-table tbody .response-col_status') !== null");
            assertThat(browser.eval("document.querySelector('.live-responses-table tbody .response-col_status').textContent")
                    .asText().strip()).isEqualTo("201");
            assertThat(browser.eval("document.querySelector('.live-responses-table tbody .response-col_description').textContent")
                    .asText()).contains("preSignedUrl", "welcome letter.txt");
        }
    }

    private static String type(String selector, String element, String value) throws IOException {
        return "(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector) + ");"
                + " Object.getOwnPropertyDescriptor(" + element + ".prototype, 'value').set.call(e, "
                + JSON.writeValueAsString(value) + ");"
                + " e.dispatchEvent(new Event('input', {bubbles: true})); return true; })()";
    }

    /** Headless Chromium and one page of it, spoken to over the DevTools protocol. */
    private static final class Browser implements AutoCloseable, WebSocket.Listener {

        private final Process process;
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        private Browser(Process process) {
            this.process = process;
        }

        static Browser start(Path profile) throws Exception {
            Process process = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                    .redirectErrorStream(true)
                    .redirectOutput(profile.resolve("chromium.log").toFile())
                    .start();
            Browser browser = new Browser(process);
            try {
                browser.connect(profile);
            } catch (Exception e) {
                browser.close();
                throw e;
            }
            return browser;
        }

        private void connect(Path profile) throws Exception {
            // Chromium writes the port it chose, then the browser's path, once it listens.
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("Chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
                }
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            String page = null;
            for (JsonNode target : targets) {
                if (target.path("type").asText().equals("page")) {
                    page = target.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (page == null) {
                throw new IllegalStateException("Chromium has no page: " + targets);
            }
            socket = http.newWebSocketBuilder().buildAsync(URI.create(page), this).get(10, TimeUnit.SECONDS);
        }

        JsonNode call(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true);
            JsonNode reply = answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + ": " + reply.path("error"));
            }
            return reply.path("result");
        }

        void navigate(String url) throws Exception {
            call("Page.navigate", Map.of("url", url));
        }

        /** Evaluates in the page and returns the value; a script that throws fails the test with its message. */
        JsonNode eval(String expression) throws Exception {
            JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException(expression + ": " + result.path("exceptionDetails"));
            }
            return result.path("result").path("value");
        }

        void waitUntil(String condition) throws Exception {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!eval("Boolean(" + condition + ")").asBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out waiting for " + condition + "; page: "
                            + eval("(document.querySelector('.opblock-body') || document.body).innerText.slice(0, 3000)").asText());
                }
                Thread.sleep(100);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> answer = pending.remove(message.path("id").asInt());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            if (socket != null) {
                socket.abort();
            }
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
