package com.rialtobridge.documents.bootstrap;

import picocli.CommandLine.Command;

@Command(
        name = "rialto-documents",
        mixinStandardHelpOptions = true,
        version = "rialto-documents 1.0.0",
        description = "Pre-signed download URLs for Rialto client documents (Rialto Manager API, Documents).",
        subcommands = {ServeCommand.class, ImportCommand.class, HashKeyCommand.class},
        footer = {"", "Without a command, 'serve' runs. Configuration comes from RIALTO_* environment variables"
                + " or a file given with --config; see the README."})
final class RialtoDocumentsCommand implements Runnable {

    @Override
    public void run() {
        // Reached only with options and no command, which withDefaultCommand turns into 'serve'.
    }
}
