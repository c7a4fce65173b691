package com.rialtobridge.documents.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingDirectorySourceTest {

    private static final ClientId CLIENT = new ClientId("client-1");

    @TempDir
    Path dir;

    private static Directory withKeys(String... keys) {
        return new Directory(List.of(new Manager(new ManagerId("acme"),
                java.util.Arrays.stream(keys).map(ApiKeyHash::of).toList(), Set.of(CLIENT))));
    }

    @Test
    void seesAnEditWithoutARestartAndKeepsTheLastGoodDirectoryWhenAnEditIsBroken() throws Exception {
        DirectoryFile file = new DirectoryFile(dir.resolve("directory.yaml"));
        file.write(withKeys("old-key", "other-key"));
        ReloadingDirectorySource source = ReloadingDirectorySource.open(file, Duration.ZERO);
        assertThat(source.current().authenticate("old-key")).isPresent();

        // Rotation: same size of file, another hash.
        file.write(withKeys("new-key", "other-key"));
        assertThat(source.current().authenticate("old-key")).isEmpty();
        assertThat(source.current().authenticate("new-key")).isPresent();

        // A broken edit: the last good directory stays in force.
        Files.writeString(file.path(), "managers:\n  - id: acme\n    apiKeySha256: [not-a-hash]\n");
        assertThat(source.current().authenticate("new-key")).isPresent();
        Files.delete(file.path());
        assertThat(source.current().authenticate("new-key")).isPresent();

        // Fixed again: the fix is picked up.
        file.write(withKeys("other-key"));
        assertThat(source.current().authenticate("new-key")).isEmpty();
        assertThat(source.current().authenticate("other-key")).isPresent();
    }

    @Test
    void looksAtTheFileAtMostOncePerInterval() throws Exception {
        DirectoryFile file = new DirectoryFile(dir.resolve("directory.yaml"));
        file.write(withKeys("old-key"));
        ReloadingDirectorySource source = ReloadingDirectorySource.open(file, Duration.ofHours(1));
        file.write(withKeys("new-key"));
        assertThat(source.current().authenticate("old-key")).as("not looked at yet").isPresent();
        source.reloadIfChanged();
        assertThat(source.current().authenticate("new-key")).isPresent();
    }

    @Test
    void aBrokenFileStillStopsTheStart() throws Exception {
        DirectoryFile file = new DirectoryFile(dir.resolve("directory.yaml"));
        Files.writeString(file.path(), "managers: 3\n");
        assertThatThrownBy(() -> ReloadingDirectorySource.open(file, Duration.ZERO))
                .isInstanceOf(InvalidDirectoryException.class).hasMessageContaining("directory.yaml");
    }
}
