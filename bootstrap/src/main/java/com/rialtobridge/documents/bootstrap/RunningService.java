package com.rialtobridge.documents.bootstrap;

import com.rialtobridge.documents.access.DirectoryFile;
import com.rialtobridge.documents.access.InvalidDirectoryException;
import com.rialtobridge.documents.access.ReloadingDirectorySource;
import com.rialtobridge.documents.download.BatchDownloadService;
import com.rialtobridge.documents.download.DownloadLimits;
import com.rialtobridge.documents.http.DocsResource;
import com.rialtobridge.documents.download.ExistencePolicy;
import com.rialtobridge.documents.download.UrlSigner;
import com.rialtobridge.documents.http.DocumentsApplication;
import com.rialtobridge.documents.ops.HealthResource;
import com.rialtobridge.documents.ops.MetricsResource;
import com.rialtobridge.documents.ops.Readiness;
import com.rialtobridge.documents.ops.ServiceMetrics;
import com.rialtobridge.documents.storage.S3BucketProbe;
import com.rialtobridge.documents.storage.S3DocumentStore;
import com.rialtobridge.documents.storage.S3PresignerUrlSigner;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
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
    /** How often requests look at the directory file for changes (one stat call; a changed file is re-read). */
    private static final Duration DIRECTORY_CHECK_INTERVAL = Duration.ofMillis(500);

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
            // A directory file the operator named (or that a real bucket needs) is checked before any store starts.
            if ((config.directoryFileGiven() || !config.usesEmbeddedStore()) && !Files.exists(config.directoryFile())) {
                throw new StartupException("directory file " + config.directoryFile().toAbsolutePath()
                        + " does not exist (" + ConfigLoader.DIRECTORY_FILE + "); create it, see the README");
            }
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
            ReloadingDirectorySource directory = ReloadingDirectorySource.open(directoryFile, DIRECTORY_CHECK_INTERVAL);

            S3AsyncClient s3 = store.clients().asyncClient(config.maxConcurrentChecks() * 2, config.requestTimeout());
            resources.add(0, s3);
            ServiceMetrics metrics = new ServiceMetrics();
            resources.add(0, metrics);
            BatchDownloadService downloads = new BatchDownloadService(
                    new S3DocumentStore(s3, store.bucket(), metrics),
                    new ExistencePolicy(config.listMinKeys(), ExistencePolicy.DEFAULT.listMaxKeys(),
                            config.existenceCacheTtl(), ExistencePolicy.DEFAULT.cacheMaxKeys()),
                    urlSigner(config.urlSigner(), store, resources),
                    new DownloadLimits(config.maxKeys(), config.maxConcurrentChecks(), config.requestTimeout()),
                    metrics);

            DocumentsApplication application = new DocumentsApplication(downloads, directory, config.maxBodyBytes());
            Readiness readiness = new Readiness(directory, new S3BucketProbe(s3, store.bucket(), metrics),
                    Clock.systemUTC());
            // The first probe pays for the SDK's warm-up; started now, the first load balancer poll finds it done.
            readiness.check();
            registerOperations(application, config, metrics, readiness);
            URI listen = URI.create("http://" + config.httpHost() + ":" + config.httpPort() + "/");
            HttpServer server = GrizzlyHttpServerFactory.createHttpServer(listen, application, false);
            server.getListeners().forEach(listener -> listener.registerAddOn(new IgnoreH2cUpgrade()));
            // Grizzly answers an encoded slash (%2F) in the path with a bare 500 before Jersey sees it;
            // let it through, so such a client id gets the same problem+json 404 as any other unknown one.
            server.getServerConfiguration().getHttpHandlers().keySet().forEach(h -> h.setAllowEncodedSlash(true));
            // What Grizzly refuses on its own (unparseable requests) is problem+json too, never its HTML page.
            server.getServerConfiguration().setDefaultErrorPageGenerator(new ProblemErrorPages());
            server.getListeners().forEach(listener -> listener.setDefaultErrorPageGenerator(new ProblemErrorPages()));
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

    /** Health and metrics beside the API, outside the API key check; the docs page if enabled. */
    private static void registerOperations(DocumentsApplication application, ServiceConfig config,
            ServiceMetrics metrics, Readiness readiness) {
        application.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(readiness).to(Readiness.class);
                bind(metrics.registry()).to(PrometheusMeterRegistry.class);
            }
        });
        application.register(HealthResource.class);
        application.register(MetricsResource.class);
        application.register(metrics.httpListener());
        if (config.docsEnabled()) {
            application.register(DocsResource.class);
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

    private static UrlSigner urlSigner(UrlSignerKind kind, StoreConnection store, List<AutoCloseable> resources) {
        return switch (kind) {
            case FAST -> store.clients().queryUrlSigner(Clock.systemUTC());
            case SDK -> {
                S3Presigner presigner = store.clients().presigner();
                resources.add(0, presigner);
                yield new S3PresignerUrlSigner(presigner, store.bucket());
            }
        };
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
            out.println("  Data: " + config.dataDir().toAbsolutePath().normalize()
                    + " (objects in s3/, kept across restarts; delete it to start over)");
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
            if (config.docsEnabled()) {
                out.println("  Or in a browser: " + baseUri + "/docs/ (Authorize with the key, then Try it out)");
            }
            out.println("  Stop with Ctrl+C; the data stays for the next start.");
            out.println();
        }
    }
}
