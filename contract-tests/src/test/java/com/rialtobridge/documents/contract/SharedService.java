package com.rialtobridge.documents.contract;

import static com.rialtobridge.documents.bootstrap.TestService.ACME_COMPANY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static com.rialtobridge.documents.bootstrap.TestService.BRAVO_PERSON;

import com.rialtobridge.documents.bootstrap.TestService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One assembled service, on a real embedded store, for every contract test class that talks to it:
 * started once (the store and the server take seconds to start and to stop gracefully), stopped
 * when the test run ends.
 */
final class SharedService implements BeforeAllCallback {

    private static TestService rialto;

    static TestService rialto() {
        return rialto;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedService.class, key -> new Running(), Running.class);
    }

    private static final class Running implements AutoCloseable {

        private final Path dataDir;

        Running() {
            try {
                dataDir = Files.createTempDirectory("rialto-contract-");
                rialto = TestService.start(dataDir, Map.of(
                        ACME_PERSON, Map.of("passport scan.JPG", "passport bytes", "Relevé n°3.pdf", "statement bytes"),
                        ACME_COMPANY, Map.of("articles.pdf", "articles bytes"),
                        BRAVO_PERSON, Map.of("bravo-id.pdf", "bravo bytes")));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the service for the contract tests", e);
            }
        }

        @Override
        public void close() throws IOException {
            rialto.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
