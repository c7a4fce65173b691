package com.rialtobridge.documents.bootstrap;

import java.util.Arrays;
import java.util.stream.Stream;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** {@code java -jar rialto-documents.jar [serve|import|hash-key] ...}; {@code serve} when no command is named. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Jersey and Grizzly log through java.util.logging; one logging pipeline means one format and one place.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new RialtoDocumentsCommand());
        // Mistakes on the command line get one clear line and the usage, not a stack trace.
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("rialto-documents: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        });
        return commandLine.execute(withDefaultCommand(args));
    }

    private static String[] withDefaultCommand(String[] args) {
        boolean namesCommand = args.length > 0 && !args[0].startsWith("-");
        boolean asksForTopLevelHelp = args.length > 0
                && Stream.of("-h", "--help", "-V", "--version").anyMatch(args[0]::equals);
        if (namesCommand || asksForTopLevelHelp) {
            return args;
        }
        String[] serve = Arrays.copyOf(new String[] {"serve"}, args.length + 1);
        System.arraycopy(args, 0, serve, 1, args.length);
        return serve;
    }
}
