package com.rialtobridge.documents.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.rialtobridge.documents.access.ClientId;
import com.rialtobridge.documents.download.ClientKind;
import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.documents.download.DocumentStoreException;
import com.rialtobridge.documents.download.PrefixListing;
import com.rialtobridge.documents.storage.S3Clients;
import com.rialtobridge.documents.storage.S3DocumentStore;
import com.rialtobridge.documents.storage.S3DocumentUploader;
import com.rialtobridge.documents.storage.S3Location;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The listing half of the S3 adapter against a real signature-checking store, and a refusing one. */
class S3DocumentStoreTest {

    private static final ClientId CLIENT = new ClientId("91e5bd3c-0e13-4e6e-a673-3c0842b7f370");
    private static final ClientId NEIGHBOUR = new ClientId("91e5bd3c-0e13-4e6e-a673-3c0842b7f371");

    @Test
    void listsExactlyTheClientsPrefixAndSaysWhenItStoppedAtItsBound(@TempDir Path dir) throws Exception {
        try (EmbeddedS3Store embedded = EmbeddedS3Store.start(dir, 0)) {
            S3Clients clients = new S3Clients(new S3Location("docs", Region.US_EAST_1, Optional.of(embedded.endpoint()), true),
                    embedded.credentials());
            List<String> mine = new ArrayList<>();
            try (var s3 = clients.syncClient()) {
                S3DocumentUploader uploader = new S3DocumentUploader(s3, "docs");
                uploader.ensureBucket();
                for (int i = 0; i < 5; i++) {
                    mine.add(uploader.upload(ClientKind.INDIVIDUALS, CLIENT, "doc " + i + " +=%.pdf", new byte[] {1}, "application/pdf").value());
                }
                // A client id that extends ours must not leak into our listing: the prefix ends with '/'.
                uploader.upload(ClientKind.INDIVIDUALS, NEIGHBOUR, "theirs.pdf", new byte[] {1}, "application/pdf");
            }
            try (var s3 = clients.asyncClient(8, Duration.ofSeconds(5))) {
                S3DocumentStore store = new S3DocumentStore(s3, "docs");
                String prefix = DocumentKey.prefixOf(ClientKind.INDIVIDUALS, CLIENT);
                PrefixListing all = store.list(prefix, 5000).get();
                assertThat(all.complete()).isTrue();
                assertThat(all.keys()).containsExactlyInAnyOrderElementsOf(mine);
                PrefixListing bounded = store.list(prefix, 3).get();
                assertThat(bounded.complete()).isFalse();
                assertThat(bounded.keys()).hasSize(3).isSubsetOf(mine);
            }
        }
    }

    @Test
    void aRefusedListingIsAPermissionFaultNotAnEmptyListing() {
        WireMockServer refusing = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        refusing.start();
        refusing.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")));
        S3Clients clients = new S3Clients(new S3Location("docs", Region.US_EAST_1,
                Optional.of(URI.create(refusing.baseUrl())), true),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
        try (var s3 = clients.asyncClient(4, Duration.ofSeconds(5))) {
            S3DocumentStore store = new S3DocumentStore(s3, "docs");
            assertThatThrownBy(() -> store.list(DocumentKey.prefixOf(ClientKind.INDIVIDUALS, CLIENT), 5000).get())
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(DocumentStoreException.class).hasMessageContaining("permission fault");
        } finally {
            refusing.stop();
        }
    }
}
