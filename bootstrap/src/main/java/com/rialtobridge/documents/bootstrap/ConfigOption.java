package com.rialtobridge.documents.bootstrap;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by every command that needs the configuration. */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A file of RIALTO_*=value lines; environment variables override it.")
    Path file;

    ServiceConfig load() throws ConfigException {
        return ConfigLoader.load(System.getenv(), Optional.ofNullable(file));
    }
}
