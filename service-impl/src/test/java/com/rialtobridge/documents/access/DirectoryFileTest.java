package com.rialtobridge.documents.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFileTest {

    private static final String KEY_A = "key-of-acme";
    private static final String KEY_B = "key-of-bravo";

    @TempDir
    Path dir;

    private Directory parse(String yaml) throws InvalidDirectoryException {
        return new DirectoryFile(dir.resolve("directory.yaml")).parse(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsManagersKeysAndClients() throws Exception {
        Directory directory = parse("""
                managers:
                  - id: acme-capital
                    apiKeySha256: [%s]
                    clients: [91e5bd3c-0e13-4e6e-a673-3c0842b7f370, d61b6b30-0bf6-4fe7-9110-905b78f938df]
                  - id: bravo
                    apiKeySha256:
                      - %s
                    clients: []
                """.formatted(ApiKeyHash.of(KEY_A).hex(), ApiKeyHash.of(KEY_B).hex()));
        Manager acme = directory.authenticate(KEY_A).orElseThrow();
        assertThat(acme.id()).isEqualTo(new ManagerId("acme-capital"));
        assertThat(acme.manages(new ClientId("d61b6b30-0bf6-4fe7-9110-905b78f938df"))).isTrue();
        assertThat(directory.authenticate(KEY_B).orElseThrow().id().value()).isEqualTo("bravo");
        assertThat(directory.authenticate("key-of-nobody")).isEmpty();
        assertThat(directory.authenticate(KEY_A + " ")).isEmpty();
    }

    @Test
    void refusesWhatWouldGrantTheWrongAccess() {
        String hash = ApiKeyHash.of(KEY_A).hex();
        assertThatThrownBy(() -> parse("managers:\n  - id: a\n    apiKeySha256: [" + hash + "]\n  - id: b\n    apiKeySha256: [" + hash + "]\n"))
                .isInstanceOf(InvalidDirectoryException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> parse("managers:\n  - id: a\n  - id: a\n"))
                .isInstanceOf(InvalidDirectoryException.class).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> parse("managers:\n  - id: a\n    apiKeySha256: [" + hash.toUpperCase() + "]\n"))
                .isInstanceOf(InvalidDirectoryException.class).hasMessageContaining("lowercase hexadecimal");
        assertThatThrownBy(() -> parse("managers:\n  - id: a\n    apiKeys: [" + hash + "]\n"))
                .isInstanceOf(InvalidDirectoryException.class).hasMessageContaining("unknown property 'apiKeys'");
        assertThatThrownBy(() -> parse("managers:\n  - id: a\n    clients: [\"../x\"]\n"))
                .isInstanceOf(InvalidDirectoryException.class).hasMessageContaining("managers[0]");
        assertThatThrownBy(() -> parse("managers: [\n")).isInstanceOf(InvalidDirectoryException.class);
        assertThatThrownBy(() -> parse("managers:\n  - just-a-name\n"))
                .isInstanceOf(InvalidDirectoryException.class)
                .hasMessageContaining("'managers[0]' has the wrong shape (line 2)")
                .hasMessageNotContaining("DirectoryFile").hasMessageNotContaining("com.");
        assertThatThrownBy(() -> parse("{}")).isInstanceOf(InvalidDirectoryException.class);
    }

    @Test
    void aMissingFileIsNamedInTheError() {
        assertThatThrownBy(() -> new DirectoryFile(dir.resolve("absent.yaml")).read())
                .isInstanceOf(InvalidDirectoryException.class).hasMessageContaining("absent.yaml does not exist");
    }

    @Test
    void writesWhatItReadsAndNeverAKey() throws Exception {
        DirectoryFile file = new DirectoryFile(dir.resolve("sub/directory.yaml"));
        file.write(new Directory(List.of(new Manager(new ManagerId("acme"), List.of(ApiKeyHash.of(KEY_A)),
                Set.of(new ClientId("c1"))))));
        assertThat(Files.readString(file.path())).doesNotContain(KEY_A).contains(ApiKeyHash.of(KEY_A).hex());
        assertThat(file.read().authenticate(KEY_A)).isPresent();
    }
}
