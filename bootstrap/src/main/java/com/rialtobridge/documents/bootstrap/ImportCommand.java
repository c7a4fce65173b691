package com.rialtobridge.documents.bootstrap;

import com.rialtobridge.documents.access.ClientId;
import com.rialtobridge.documents.download.ClientKind;
import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.documents.storage.S3DocumentUploader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Store files as permanent documents of a client, in the embedded store or the configured"
                + " bucket, and print one key per line in argument order."})
final class ImportCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--client", required = true, paramLabel = "ID", description = "The client the documents belong to.")
    String client;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "individuals",
            description = "individuals or entities (default: ${DEFAULT-VALUE}).")
    String kind;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to store.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        ClientKind clientKind;
        ClientId clientId;
        try {
            clientKind = ClientKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("rialto-documents import: --kind must be individuals or entities, not '" + kind + "'");
            return 2;
        }
        try {
            clientId = new ClientId(client);
        } catch (IllegalArgumentException e) {
            err.println("rialto-documents import: --client: " + e.getMessage());
            return 2;
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                err.println("rialto-documents import: " + file + " is not a readable file");
                return 2;
            }
            String problem = DocumentKey.problemWith(DocumentKey.prefixOf(clientKind, clientId)
                    + "00000000-0000-0000-0000-000000000000_" + file.getFileName());
            if (problem != null) {
                err.println("rialto-documents import: " + file + " cannot be stored under that name: its key " + problem);
                return 2;
            }
        }
        ServiceConfig settings;
        try {
            settings = config.load();
        } catch (ConfigException e) {
            err.println("rialto-documents import: " + e.getMessage());
            return 2;
        }
        // Its own embedded store on a free port, over the same directory, so import works beside a running service.
        try (StoreConnection store = StoreConnection.open(settings, 0, err);
                var s3 = store.clients().syncClient()) {
            S3DocumentUploader uploader = new S3DocumentUploader(s3, store.bucket());
            for (Path file : files) {
                System.out.println(uploader.upload(clientKind, clientId, file).value());
            }
        } catch (IOException | RuntimeException e) {
            err.println("rialto-documents import: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
        return 0;
    }
}
