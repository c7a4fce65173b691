package com.rialtobridge.documents.bootstrap;

import com.rialtobridge.documents.access.ApiKeyHash;
import com.rialtobridge.documents.access.ClientId;
import com.rialtobridge.documents.access.Directory;
import com.rialtobridge.documents.access.DirectoryFile;
import com.rialtobridge.documents.access.Manager;
import com.rialtobridge.documents.access.ManagerId;
import com.rialtobridge.documents.download.DocumentKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a first start on the embedded store creates, so that a newcomer has something real to ask
 * for: a manager with a fresh API key, one client, and one document of that client. The client and
 * the document have fixed ids so that the README's walkthrough works as written; the key is new
 * every time and only its hash is written down.
 */
final class DemoData {

    static final ManagerId MANAGER = new ManagerId("demo-manager");
    static final ClientId CLIENT = new ClientId("91e5bd3c-0e13-4e6e-a673-3c0842b7f370");
    static final DocumentKey DOCUMENT = new DocumentKey(
            "rialto-clients/individuals/91e5bd3c-0e13-4e6e-a673-3c0842b7f370/7111bfb8-d6d3-4930-a6d0-eaa68a1c431a_welcome letter.txt");

    record Created(String apiKey) {
    }

    private DemoData() {
    }

    static Created create(DirectoryFile directoryFile, S3Client s3, String bucket) throws IOException {
        String apiKey = newApiKey();
        byte[] content = ("Welcome to Rialto.\n\nThis document was downloaded through a pre-signed URL that the"
                + " Rialto Documents service issued for client " + CLIENT + ".\n").getBytes(StandardCharsets.UTF_8);
        s3.putObject(put -> put.bucket(bucket).key(DOCUMENT.value()).contentType("text/plain; charset=utf-8"),
                RequestBody.fromBytes(content));
        directoryFile.write(new Directory(List.of(new Manager(MANAGER, List.of(ApiKeyHash.of(apiKey)), Set.of(CLIENT)))));
        return new Created(apiKey);
    }

    /** 32 random bytes: unguessable, and URL- and header-safe as written. */
    static String newApiKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "rk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
