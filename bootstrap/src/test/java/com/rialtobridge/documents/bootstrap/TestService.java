package com.rialtobridge.documents.bootstrap;

import com.rialtobridge.documents.access.ApiKeyHash;
import com.rialtobridge.documents.access.ClientId;
import com.rialtobridge.documents.access.Directory;
import com.rialtobridge.documents.access.DirectoryFile;
import com.rialtobridge.documents.access.Manager;
import com.rialtobridge.documents.access.ManagerId;
import com.rialtobridge.documents.download.ClientKind;
import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.documents.storage.S3DocumentUploader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The assembled service on free ports, with a real embedded store holding a few documents of a few
 * clients of two managers: what the end-to-end tests talk to, over real HTTP. Public, and shipped in
 * bootstrap's test-jar, so that the contract tests start the very same service.
 */
public final class TestService implements AutoCloseable {

    public static final String ACME_KEY = "rk_test_acme_0123456789abcdefghijklmnopqrstuvwxyz";
    public static final String BRAVO_KEY = "rk_test_bravo_0123456789abcdefghijklmnopqrstuvwxyz";
    /** Listed for nobody: what a key disabled by removing its hash looks like. */
    public static final String DISABLED_KEY = "rk_test_disabled_0123456789abcdefghijklmnopqrstuvw";

    public static final ClientId ACME_PERSON = new ClientId("91e5bd3c-0e13-4e6e-a673-3c0842b7f370");
    public static final ClientId ACME_COMPANY = new ClientId("d61b6b30-0bf6-4fe7-9110-905b78f938df");
    public static final ClientId BRAVO_PERSON = new ClientId("5b0e7a52-6c2e-4d4e-9f7e-3f1c2b8a9d10");
    public static final ClientId CHARLIE_COMPANY = new ClientId("c4a1e0de-7b52-4c1e-8f3a-2d9e6b1f0a77");
    /** Clients whose documents are stored under rialto-clients/entities/. */
    public static final Set<ClientId> ENTITY_CLIENTS = Set.of(ACME_COMPANY, CHARLIE_COMPANY);

    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    public final RunningService service;
    /** Java's default client, which asks for h2c on plain http as most Java callers' clients will. */
    public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The documents stored for each client: key to content. */
    public final Map<ClientId, Map<DocumentKey, byte[]>> documents;

    private TestService(RunningService service, Map<ClientId, Map<DocumentKey, byte[]>> documents) {
        this.service = service;
        this.documents = documents;
    }

    public static ServiceConfig config(Path dataDir, Map<String, String> extra) throws ConfigException {
        Map<String, String> values = new HashMap<>(Map.of(
                ConfigLoader.HTTP_PORT, "0",
                ConfigLoader.EMBEDDED_S3_PORT, "0",
                ConfigLoader.DATA_DIR, dataDir.toString(),
                ConfigLoader.DIRECTORY_FILE, dataDir.resolve("directory.yaml").toString(),
                ConfigLoader.MAX_KEYS, "20"));
        values.putAll(extra);
        return ConfigLoader.from(values);
    }

    public static void writeDirectory(Path dataDir) throws IOException {
        writeDirectory(dataDir, defaultDirectory());
    }

    public static void writeDirectory(Path dataDir, Directory directory) throws IOException {
        new DirectoryFile(dataDir.resolve("directory.yaml")).write(directory);
    }

    public static Directory defaultDirectory() {
        return new Directory(List.of(
                new Manager(new ManagerId("acme-capital"), List.of(ApiKeyHash.of(ACME_KEY)), Set.of(ACME_PERSON, ACME_COMPANY)),
                new Manager(new ManagerId("bravo-partners"), List.of(ApiKeyHash.of(BRAVO_KEY)), Set.of(BRAVO_PERSON))));
    }

    /** Starts on the embedded store, after storing the given files (name to content) for each client. */
    public static TestService start(Path dataDir, Map<ClientId, Map<String, String>> files) throws Exception {
        return start(dataDir, defaultDirectory(), files, Map.of());
    }

    /** As above, with a directory and configuration of the test's own; clients in {@link #ENTITY_CLIENTS} are entities. */
    public static TestService start(Path dataDir, Directory directory, Map<ClientId, Map<String, String>> files,
            Map<String, String> extraConfig) throws Exception {
        writeDirectory(dataDir, directory);
        ServiceConfig config = config(dataDir, extraConfig);
        Map<ClientId, Map<DocumentKey, byte[]>> stored = new LinkedHashMap<>();
        try (StoreConnection store = StoreConnection.open(config, 0, SILENT); var s3 = store.clients().syncClient()) {
            S3DocumentUploader uploader = new S3DocumentUploader(s3, store.bucket());
            for (var client : files.entrySet()) {
                ClientKind kind = ENTITY_CLIENTS.contains(client.getKey()) ? ClientKind.ENTITIES : ClientKind.INDIVIDUALS;
                Map<DocumentKey, byte[]> keys = new LinkedHashMap<>();
                for (var file : client.getValue().entrySet()) {
                    byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                    keys.put(uploader.upload(kind, client.getKey(), file.getKey(), content, "application/octet-stream"), content);
                }
                stored.put(client.getKey(), keys);
            }
        }
        return new TestService(RunningService.start(config, SILENT), stored);
    }

    public List<DocumentKey> keysOf(ClientId client) {
        return List.copyOf(documents.get(client).keySet());
    }

    public URI operation(String clientIdAsSent) {
        return URI.create(service.baseUri() + "/api/manager/v1/clients/" + clientIdAsSent + "/documents/request-batch-download");
    }

    public HttpResponse<String> post(String clientIdAsSent, String apiKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(operation(clientIdAsSent))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("RIALTO_API_KEY", apiKey);
        }
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        service.close();
    }
}
