package com.rialtobridge.documents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsRunTheEmbeddedStoreOnTheDevelopmentPorts() throws Exception {
        ServiceConfig config = ConfigLoader.load(Map.of("PATH", "/usr/bin", "HOME", "/root"), Optional.empty());
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(3002);
        assertThat(config.embeddedS3Port()).isEqualTo(3003);
        assertThat(config.dataDir()).isEqualTo(Path.of("./rialto-data"));
        assertThat(config.directoryFile()).isEqualTo(Path.of("./rialto-data/directory.yaml"));
        assertThat(config.directoryFileGiven()).isFalse();
        assertThat(config.usesEmbeddedStore()).isTrue();
        assertThat(config.s3Region()).isEqualTo(Region.US_EAST_1);
        assertThat(config.maxKeys()).isEqualTo(1000);
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.urlSigner()).isEqualTo(UrlSignerKind.FAST);
    }

    @Test
    void aRealBucketOnAnS3CompatibleStoreDefaultsToPathStyle() throws Exception {
        ServiceConfig config = ConfigLoader.load(Map.of(
                "RIALTO_S3_BUCKET", "client-documents",
                "RIALTO_S3_REGION", "eu-west-1",
                "RIALTO_S3_ENDPOINT", "https://minio.internal:9000",
                "RIALTO_REQUEST_TIMEOUT", "750ms"), Optional.empty());
        assertThat(config.usesEmbeddedStore()).isFalse();
        assertThat(config.s3Bucket()).hasValue("client-documents");
        assertThat(config.s3Region()).isEqualTo(Region.EU_WEST_1);
        assertThat(config.s3Endpoint()).hasValue(URI.create("https://minio.internal:9000"));
        assertThat(config.s3PathStyle()).isTrue();
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(ConfigLoader.load(Map.of("RIALTO_S3_BUCKET", "b-on-aws"), Optional.empty()).s3PathStyle()).isFalse();
    }

    @Test
    void theEnvironmentWinsOverTheFile() throws Exception {
        Path file = dir.resolve("rialto.env");
        Files.writeString(file, "RIALTO_HTTP_PORT=4000\nRIALTO_MAX_KEYS = 50\n# a comment\n");
        ServiceConfig config = ConfigLoader.load(Map.of("RIALTO_HTTP_PORT", "5000"), Optional.of(file));
        assertThat(config.httpPort()).isEqualTo(5000);
        assertThat(config.maxKeys()).isEqualTo(50);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "RIALTO_HTTP_PORT | abc | RIALTO_HTTP_PORT: 'abc' is not a whole number from 0 to 65535",
        "RIALTO_HTTP_PORT | 70000 | RIALTO_HTTP_PORT: '70000'",
        "RIALTO_MAX_KEYS | 0 | RIALTO_MAX_KEYS: '0' is not a whole number from 1",
        "RIALTO_S3_BUCKET | Not_A_Bucket | RIALTO_S3_BUCKET: 'Not_A_Bucket' is not a valid S3 bucket name",
        "RIALTO_S3_REGION | EU West | RIALTO_S3_REGION: 'EU West' is not a region name",
        "RIALTO_S3_PATH_STYLE | maybe | RIALTO_S3_PATH_STYLE: 'maybe' is not true or false",
        "RIALTO_REQUEST_TIMEOUT | 5 | RIALTO_REQUEST_TIMEOUT: '5' is not a positive duration",
        "RIALTO_REQUEST_TIMEOUT | 0s | RIALTO_REQUEST_TIMEOUT: '0s' is not a positive duration",
        "RIALTO_HTTP_HOST | a b | RIALTO_HTTP_HOST: 'a b' is not a host name or address",
        "RIALTO_SIGNER | aws | RIALTO_SIGNER: 'aws' is not fast (the default) or sdk",
    })
    void aBadValueIsOneLineNamingTheKeyAndTheProblem(String key, String value, String message) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(key, value), Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void theSignerIsChosenByNameInAnyCaseFromTheFileOrTheEnvironment() throws Exception {
        assertThat(ConfigLoader.load(Map.of("RIALTO_SIGNER", "sdk"), Optional.empty()).urlSigner())
                .isEqualTo(UrlSignerKind.SDK);
        assertThat(ConfigLoader.load(Map.of("RIALTO_SIGNER", " SDK "), Optional.empty()).urlSigner())
                .isEqualTo(UrlSignerKind.SDK);
        assertThat(ConfigLoader.load(Map.of("RIALTO_SIGNER", "Fast"), Optional.empty()).urlSigner())
                .isEqualTo(UrlSignerKind.FAST);
        assertThat(ConfigLoader.load(Map.of("RIALTO_SIGNER", " "), Optional.empty()).urlSigner())
                .as("blank counts as unset, as for every key").isEqualTo(UrlSignerKind.FAST);

        Path file = dir.resolve("rialto.env");
        Files.writeString(file, "RIALTO_SIGNER=sdk\n");
        assertThat(ConfigLoader.load(Map.of(), Optional.of(file)).urlSigner()).isEqualTo(UrlSignerKind.SDK);
        assertThat(ConfigLoader.load(Map.of("RIALTO_SIGNER", "fast"), Optional.of(file)).urlSigner())
                .isEqualTo(UrlSignerKind.FAST);
    }

    @Test
    void theServiceAndItsEmbeddedStoreCannotShareAPort() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("RIALTO_HTTP_PORT", "3003"), Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("RIALTO_HTTP_PORT and RIALTO_EMBEDDED_S3_PORT are both 3003: the embedded store needs a port of its own");
    }

    @Test
    void misspeltVariablesAreNamedButTheCallersKeyIsNot() {
        assertThat(ConfigLoader.unknownVariables(Map.of("RIALTO_HTTP_PROT", "1", "RIALTO_HTTP_PORT", "2",
                "RIALTO_API_KEY", "rk_x", "PATH", "/bin"))).containsExactly("RIALTO_HTTP_PROT");
    }

    @Test
    void anEndpointWithoutABucketIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("RIALTO_S3_ENDPOINT", "http://minio:9000"), Optional.empty()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("RIALTO_S3_BUCKET is not");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("RIALTO_S3_BUCKET", "b-1", "RIALTO_S3_ENDPOINT", "minio:9000"),
                Optional.empty())).isInstanceOf(ConfigException.class).hasMessageContaining("is not an http(s) URL");
    }

    @Test
    void aFileWithAMisspeltKeyIsRefused() throws Exception {
        Path file = dir.resolve("rialto.env");
        Files.writeString(file, "RIALTO_HTTP_PROT=4000\n");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Optional.of(file)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown keys [RIALTO_HTTP_PROT]");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Optional.of(dir.resolve("absent.env"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
    }
}
