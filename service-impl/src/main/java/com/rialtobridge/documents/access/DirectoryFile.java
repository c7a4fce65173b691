package com.rialtobridge.documents.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import java.util.stream.Collectors;

/**
 * Reads and writes the directory file:
 *
 * <pre>
 * managers:
 *   - id: acme-capital
 *     apiKeySha256: [&lt;lowercase hex SHA-256 of the key's UTF-8 bytes&gt;, ...]
 *     clients: [91e5bd3c-0e13-4e6e-a673-3c0842b7f370, ...]
 * </pre>
 *
 * Unknown properties are refused: in a file that grants access, a misspelt name must not pass silently.
 */
public final class DirectoryFile {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    record ManagerEntry(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty("apiKeySha256") List<String> apiKeySha256,
            @JsonProperty("clients") List<String> clients) {
    }

    record Document(@JsonProperty(value = "managers", required = true) List<ManagerEntry> managers) {
    }

    private final Path path;

    public DirectoryFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /** Reads and validates the file; the message of a failure names the file and what is wrong. */
    public Directory read() throws InvalidDirectoryException {
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InvalidDirectoryException("directory file " + path + " does not exist");
        } catch (IOException e) {
            throw new InvalidDirectoryException("directory file " + path + " cannot be read: " + e.getMessage());
        }
        return parse(content);
    }

    Directory parse(byte[] content) throws InvalidDirectoryException {
        Document document;
        try {
            document = YAML.readValue(content, Document.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidDirectoryException("directory file " + path + ": unknown property '"
                    + e.getPropertyName() + "' at line " + e.getLocation().getLineNr());
        } catch (JsonMappingException e) {
            // Jackson's own text names our classes; say where, in the file's terms, instead.
            throw new InvalidDirectoryException("directory file " + path + ": " + (e.getPath().isEmpty()
                    ? "not the expected shape (a 'managers' list of id, apiKeySha256, clients)"
                    : "'" + where(e.getPath()) + "' has the wrong shape") + line(e));
        } catch (JsonProcessingException e) {
            throw new InvalidDirectoryException("directory file " + path + " is not valid YAML: " + e.getOriginalMessage()
                    + line(e));
        } catch (IOException e) {
            throw new InvalidDirectoryException("directory file " + path + " cannot be read: " + e.getMessage());
        }
        if (document == null || document.managers() == null) {
            throw new InvalidDirectoryException("directory file " + path + " has no 'managers' list");
        }
        List<Manager> managers = new ArrayList<>();
        for (int i = 0; i < document.managers().size(); i++) {
            ManagerEntry entry = document.managers().get(i);
            String where = "directory file " + path + ", managers[" + i + "]";
            if (entry == null) {
                throw new InvalidDirectoryException(where + " is empty");
            }
            try {
                managers.add(new Manager(
                        new ManagerId(Objects.requireNonNullElse(entry.id(), "")),
                        orEmpty(entry.apiKeySha256()).stream().map(ApiKeyHash::fromHex).toList(),
                        orEmpty(entry.clients()).stream().map(ClientId::new).collect(Collectors.toSet())));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidDirectoryException(where + ": " + e.getMessage());
            }
        }
        try {
            return new Directory(managers);
        } catch (IllegalArgumentException e) {
            throw new InvalidDirectoryException("directory file " + path + ": " + e.getMessage());
        }
    }

    /** Writes a directory atomically, so a reader never sees half a file. */
    public void write(Directory directory) throws IOException {
        List<ManagerEntry> entries = directory.managers().stream()
                .map(m -> new ManagerEntry(
                        m.id().value(),
                        m.apiKeys().stream().map(ApiKeyHash::hex).toList(),
                        m.clients().stream().map(ClientId::value).sorted().toList()))
                .toList();
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".directory", ".yaml");
        YAML.writeValue(temporary.toFile(), new Document(entries));
        Files.move(temporary, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "";
    }

    private static String where(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        if (list == null) {
            return List.of();
        }
        if (list.contains(null)) {
            throw new IllegalArgumentException("a list holds an empty item");
        }
        return list;
    }

}
