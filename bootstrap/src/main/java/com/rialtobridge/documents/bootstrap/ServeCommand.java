package com.rialtobridge.documents.bootstrap;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sun.misc.Signal;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service (the default command). With no RIALTO_S3_BUCKET, an embedded store is started.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream console = System.out;
        ServiceConfig settings;
        RunningService service;
        try {
            settings = config.load();
            ConfigLoader.unknownVariables(System.getenv()).forEach(name -> System.err.println(
                    "rialto-documents: warning: " + name + " is not a setting of this service and is ignored"));
            settings.logFormat().apply();
            service = RunningService.start(settings, console);
        } catch (ConfigException | StartupException e) {
            System.err.println("rialto-documents: cannot start: " + e.getMessage());
            return 2;
        }
        // TERM and INT are a request to stop, handled here rather than in a shutdown hook: a JVM that
        // exits through a hook on SIGTERM reports 143, while a stop that went as planned is a 0.
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String signal : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(signal), received -> stopRequested.countDown());
        }
        console.println("Rialto Documents service listening on " + service.baseUri() + "/api/manager/v1");
        console.println("  store: " + (settings.usesEmbeddedStore()
                ? "embedded, objects in " + settings.embeddedStoreDir().toAbsolutePath().normalize()
                : "bucket " + settings.s3Bucket().orElseThrow() + " (" + settings.s3Region() + ")"));
        console.println("  URL signer: " + settings.urlSigner().configValue());
        console.println("  directory: " + settings.directoryFile().toAbsolutePath().normalize());
        console.println("  health: " + service.baseUri() + "/health/ready, metrics: " + service.baseUri() + "/metrics"
                + (settings.docsEnabled() ? ", docs: " + service.baseUri() + "/docs/" : ""));
        console.println("  stop with Ctrl+C (or SIGTERM)");
        stopRequested.await();
        console.println("Stopping: no new connections; finishing requests in flight ...");
        service.close();
        console.println("Stopped.");
        return 0;
    }
}
