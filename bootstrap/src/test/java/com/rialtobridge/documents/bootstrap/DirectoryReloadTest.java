package com.rialtobridge.documents.bootstrap;

import static com.rialtobridge.documents.bootstrap.TestService.ACME_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.ACME_PERSON;
import static com.rialtobridge.documents.bootstrap.TestService.BRAVO_KEY;
import static com.rialtobridge.documents.bootstrap.TestService.BRAVO_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.rialtobridge.documents.access.ApiKeyHash;
import com.rialtobridge.documents.access.Directory;
import com.rialtobridge.documents.access.Manager;
import com.rialtobridge.documents.access.ManagerId;
import com.rialtobridge.documents.access.ReloadingDirectorySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Keys disabled, rotated or whose manager is removed stop working without a restart; a broken edit changes nothing. */
class DirectoryReloadTest {

    static final String ACME_ROTATED = "rk_test_acme_rotated_0123456789abcdefghijklmnopq";

    @TempDir
    Path dataDir;

    @Test
    void editsOfTheDirectoryFileTakeEffectWhileTheServiceRuns() throws Exception {
        try (TestService rialto = TestService.start(dataDir, Map.of())) {
            assertThat(status(rialto, ACME_KEY, ACME_PERSON.value())).isEqualTo(201);
            assertThat(status(rialto, BRAVO_KEY, BRAVO_PERSON.value())).isEqualTo(201);

            // Rotation: acme's old key is replaced by a new one.
            TestService.writeDirectory(dataDir, new Directory(List.of(
                    new Manager(new ManagerId("acme-capital"), List.of(ApiKeyHash.of(ACME_ROTATED)), Set.of(ACME_PERSON)),
                    new Manager(new ManagerId("bravo-partners"), List.of(ApiKeyHash.of(BRAVO_KEY)), Set.of(BRAVO_PERSON)))));
            awaitStatus(rialto, ACME_KEY, ACME_PERSON.value(), 401);
            assertThat(status(rialto, ACME_ROTATED, ACME_PERSON.value())).isEqualTo(201);

            // A broken edit: logged once, and the last good directory stays in force.
            Logger log = (Logger) LoggerFactory.getLogger(ReloadingDirectorySource.class);
            ListAppender<ILoggingEvent> lines = new ListAppender<>();
            lines.start();
            log.addAppender(lines);
            try {
                Files.writeString(dataDir.resolve("directory.yaml"), "managers:\n  - id: acme-capital\n    apiKeySha25: []\n");
                Thread.sleep(700);
                for (int i = 0; i < 3; i++) {
                    assertThat(status(rialto, ACME_ROTATED, ACME_PERSON.value())).isEqualTo(201);
                    assertThat(status(rialto, BRAVO_KEY, BRAVO_PERSON.value())).isEqualTo(201);
                }
                assertThat(lines.list).hasSize(1);
                assertThat(lines.list.get(0).getFormattedMessage())
                        .contains("keeping the last good directory", "directory.yaml", "apiKeySha25").doesNotContain("\n");
            } finally {
                log.detachAppender(lines);
            }

            // A manager removed, and a key disabled by removing its hash (bravo keeps no key).
            TestService.writeDirectory(dataDir, new Directory(List.of(
                    new Manager(new ManagerId("bravo-partners"), List.of(), Set.of(BRAVO_PERSON)))));
            awaitStatus(rialto, ACME_ROTATED, ACME_PERSON.value(), 401);
            assertThat(status(rialto, BRAVO_KEY, BRAVO_PERSON.value())).isEqualTo(401);

            // And back.
            TestService.writeDirectory(dataDir);
            awaitStatus(rialto, ACME_KEY, ACME_PERSON.value(), 201);
            assertThat(status(rialto, BRAVO_KEY, BRAVO_PERSON.value())).isEqualTo(201);
        }
    }

    private static int status(TestService rialto, String key, String client) throws Exception {
        return rialto.post(client, key, "{\"keys\":[]}").statusCode();
    }

    /** The file is looked at every half second: within a few seconds the answer must change. */
    private static void awaitStatus(TestService rialto, String key, String client, int expected) throws Exception {
        int last = 0;
        for (int i = 0; i < 50 && last != expected; i++) {
            last = status(rialto, key, client);
            if (last != expected) {
                Thread.sleep(100);
            }
        }
        assertThat(last).isEqualTo(expected);
    }
}
