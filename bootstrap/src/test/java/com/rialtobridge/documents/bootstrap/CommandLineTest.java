package com.rialtobridge.documents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.rialtobridge.documents.access.ApiKeyHash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person sees at the terminal: help, one-line errors, and the commands' output. */
class CommandLineTest {

    @TempDir
    Path dir;

    /** One run of the command line with its exit code and both streams. */
    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    static Run run(String stdin, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int exit = Main.run(args);
            return new Run(exit, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
    }

    private Path config(String... lines) throws Exception {
        Path file = dir.resolve("rialto.conf");
        Files.write(file, List.of(lines));
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "serve", "import", "hash-key"})
    void everyCommandHasHelp(String command) {
        Run run = command.isEmpty() ? run("", "--help") : run("", command, "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: rialto-documents" + (command.isEmpty() ? "" : " " + command))
                .contains("-h, --help");
        if (!command.equals("hash-key")) {
            assertThat(run.out()).contains(command.isEmpty() ? "Commands:" : "--config=FILE");
        }
    }

    @Test
    void hashKeyPrintsTheSha256OfTheKeyOnStandardInput() {
        Run run = run("rk_some-key-long-enough-to-be-a-real-one\n", "hash-key");
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo(ApiKeyHash.of("rk_some-key-long-enough-to-be-a-real-one").hex()).hasSize(64);
        assertThat(run.out()).doesNotContain("rk_some-key-long-enough-to-be-a-real-one");

        Run empty = run("", "hash-key");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.errLines()).containsExactly("rialto-documents hash-key: no key on standard input");
    }

    @Test
    void importPrintsOneKeyPerFileInArgumentOrder() throws Exception {
        Path second = Files.writeString(dir.resolve("zeta.pdf"), "z");
        Path first = Files.writeString(dir.resolve("alpha letter.txt"), "a");
        Path conf = config("RIALTO_DATA_DIR=" + dir.resolve("data"));
        Run run = run("", "import", "--config", conf.toString(), "--client", TestService.ACME_PERSON.value(),
                second.toString(), first.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> keys = run.out().lines().toList();
        assertThat(keys).hasSize(2);
        String prefix = "rialto-clients/individuals/" + TestService.ACME_PERSON.value() + "/";
        assertThat(keys.get(0)).startsWith(prefix).endsWith("_zeta.pdf");
        assertThat(keys.get(1)).startsWith(prefix).endsWith("_alpha letter.txt");
    }

    @Test
    void aBadConfigurationStopsTheStartWithOneLine() throws Exception {
        Run run = run("", "serve", "--config", config("RIALTO_HTTP_PORT=99999").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "rialto-documents: cannot start: RIALTO_HTTP_PORT: '99999' is not a whole number from 0 to 65535");
        assertThat(run.out()).isEmpty();

        Run format = run("", "--config", config("RIALTO_LOG_FORMAT=xml").toString());
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.errLines()).containsExactly("rialto-documents: cannot start: RIALTO_LOG_FORMAT: 'xml' is not json or text");
    }

    @Test
    void aMissingDirectoryFileStopsTheStartWithOneLineBeforeAnyStoreStarts() throws Exception {
        Path missing = dir.resolve("nowhere/directory.yaml");
        Run run = run("", "serve", "--config", config("RIALTO_DATA_DIR=" + dir.resolve("data"),
                "RIALTO_DIRECTORY_FILE=" + missing, "RIALTO_HTTP_PORT=0").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("rialto-documents: cannot start: directory file " + missing.toAbsolutePath())
                .contains("does not exist");
        assertThat(run.out()).doesNotContain("Starting the embedded");
    }

    @Test
    void anEmbeddedStorePortInUseIsOneLineAndNoStackTraceFromAnyLibrary() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run("", "serve", "--config", config("RIALTO_DATA_DIR=" + dir.resolve("data"),
                    "RIALTO_HTTP_PORT=0", "RIALTO_EMBEDDED_S3_PORT=" + taken.getLocalPort()).toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("rialto-documents: cannot start: the embedded S3 store could not start on 127.0.0.1:"
                            + taken.getLocalPort())
                    .contains("RIALTO_EMBEDDED_S3_PORT");
            // The progress line, and nothing a library printed on its way down.
            assertThat(run.out()).startsWith("Starting the embedded S3-compatible store on 127.0.0.1:" + taken.getLocalPort());
            assertThat(run.out() + run.err()).doesNotContain("\tat ", "Exception:", "WARN", "ERROR");
        }
    }
}
