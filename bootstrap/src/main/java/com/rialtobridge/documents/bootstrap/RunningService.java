package com.rialtobridge.documents.bootstrap;

import com.rialtobridge.documents.access.Directory;
import com.rialtobridge.documents.access.DirectoryFile;
import com.rialtobridge.documents.access.InvalidDirectoryException;
import com.rialtobridge.documents.download.BatchDownloadService;
import com.rialtobridge.documents.download.DownloadLimits;
import com.rialtobridge.documents.download.ExistencePolicy;
import com.rialtobridge.documents.http.DocumentsApplication;
import com.rialtobridge.documents.storage.S3DocumentStore;
import com.rialtobridge.documents.storage.S3PresignerUrlSigner;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The service put together from its configuration: the store, the directory, the download service
 * and the HTTP server. The only place that knows how the parts fit.
 */
public final class RunningService implements AutoCloseable {

    /** How long in-flight requests get to finish when the service is asked to stop. */
    private static final long GRACE_SECONDS = 10;

    private final HttpServer server;
    private final List<AutoCloseable> resources;
    private final URI baseUri;

    private RunningService(HttpServer server, List<AutoCloseable> resources, URI baseUri) {
        this.server = server;
        this.resources = resources;
        this.baseUri = baseUri;
    }

    /**
     * Starts everything, or stops what it started and throws.
     *
     * @param console where progress and the first-start banner go (never log files: the banner holds a new key)
     */
    public static RunningService start(ServiceConfig config, PrintStream console) throws StartupException {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            StoreConnection store = StoreConnection.open(config, config.embeddedS3Port(), console);
            resources.add(0, store);

            DirectoryFile directoryFile = new DirectoryFile(config.directoryFile());
            FirstStart firstStart = null;
            if (!directoryFile.exists()) {
                if (config.directoryFileGiven() || !store.isEmbedded()) {
                    throw new StartupException("directory file " + config.directoryFile().toAbsolutePath()
                            + " does not exist (" + ConfigLoader.DIRECTORY_FILE + "); create it, see the README");
                }
                try (var s3 = store.clients().syncClient()) {
                    firstStart = new FirstStart(DemoData.create(directoryFile, s3, store.bucket()).apiKey());
                }
            }
            Directory directory = directoryFile.read();

            S3AsyncClient s3 = store.clients().asyncClient(config.maxConcurrentChecks() * 2, config.requestTimeout());
            resources.add(0, s3);
            S3Presigner presigner = store.clients().presigner();
            resources.add(0, presigner);
            BatchDownloadService downloads = new BatchDownloadService(
                    new S3DocumentStore(s3, store.bucket()),
                    new ExistencePolicy(config.listMinKeys(), ExistencePolicy.DEFAULT.listMaxKeys(),
                            config.existenceCacheTtl(), ExistencePolicy.DEFAULT.cacheMaxKeys()),
                    new S3PresignerUrlSigner(presigner, store.bucket()),
                    new DownloadLimits(config.maxKeys(), config.maxConcurrentChecks(), config.requestTimeout()));

            DocumentsApplication application = new DocumentsApplication(downloads, () -> directory);
            URI listen = URI.create("http://" + config.httpHost() + ":" + config.httpPort() + "/");
            HttpServer server = GrizzlyHttpServerFactory.createHttpServer(listen, application, false);
            server.getListeners().forEach(listener -> listener.registerAddOn(new IgnoreH2cUpgrade()));
            try {
                server.start();
            } catch (IOException e) {
                server.shutdownNow();
                throw new StartupException("cannot listen on " + config.httpHost() + ":" + config.httpPort() + " ("
                        + e.getMessage() + "); set " + ConfigLoader.HTTP_PORT + " or " + ConfigLoader.HTTP_HOST);
            }
            int port = server.getListeners().stream().findFirst().map(NetworkListener::getPort).orElseThrow();
            URI baseUri = URI.create("http://" + hostForUrl(config.httpHost()) + ":" + port);
            RunningService service = new RunningService(server, resources, baseUri);
            if (firstStart != null) {
                firstStart.print(console, baseUri, config);
            }
            return service;
        } catch (StartupException e) {
            closeAll(resources);
            throw e;
        } catch (InvalidDirectoryException e) {
            closeAll(resources);
            throw new StartupException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw new StartupException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Where callers reach the service, e.g. http://127.0.0.1:3002 (the API is under /api/manager/v1). */
    public URI baseUri() {
        return baseUri;
    }

    /** Stops accepting, lets requests in flight finish within the grace period, then releases everything. */
    @Override
    public void close() {
        try {
            server.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get(GRACE_SECONDS + 1, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.shutdownNow();
        }
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // Closing at shutdown is best effort; there is nobody left to report to.
            }
        }
    }

    private static String hostForUrl(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    /** The banner of a first start: the key is on the console once and nowhere else. */
    private record FirstStart(String apiKey) {

        void print(PrintStream out, URI baseUri, ServiceConfig config) {
            String api = baseUri + "/api/manager/v1/clients/" + DemoData.CLIENT + "/documents/request-batch-download";
            out.println();
            out.println("First start: created a demo manager, client and document.");
            out.println("  Directory file: " + config.directoryFile().toAbsolutePath().normalize()
                    + " (holds only the key's SHA-256)");
            out.println("  Demo API key, shown only now; keep it:");
            out.println();
            out.println("    RIALTO_API_KEY=" + apiKey);
            out.println();
            out.println("  Try it:");
            out.println("    curl -sS -X POST '" + api + "' \\");
            out.println("      -H 'RIALTO_API_KEY: " + apiKey + "' -H 'Content-Type: application/json' \\");
            out.println("      -d '{\"keys\":[\"" + DemoData.DOCUMENT.value() + "\"]}'");
            out.println();
        }
    }
}
