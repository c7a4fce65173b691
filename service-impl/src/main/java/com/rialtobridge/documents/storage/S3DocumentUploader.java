package com.rialtobridge.documents.storage;

import com.rialtobridge.documents.access.ClientId;
import com.rialtobridge.documents.download.ClientKind;
import com.rialtobridge.documents.download.DocumentKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Puts files into permanent storage under a client's prefix, named the way Rialto names copies. */
public final class S3DocumentUploader {

    private final S3Client s3;
    private final String bucket;

    public S3DocumentUploader(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    public DocumentKey upload(ClientKind kind, ClientId client, Path file) throws IOException {
        String filename = file.getFileName().toString();
        DocumentKey key = DocumentKey.forUpload(kind, client, UUID.randomUUID(), filename);
        String contentType = Objects.requireNonNullElse(Files.probeContentType(file), "application/octet-stream");
        s3.putObject(put -> put.bucket(bucket).key(key.value()).contentType(contentType), RequestBody.fromFile(file));
        return key;
    }

    public DocumentKey upload(ClientKind kind, ClientId client, String filename, byte[] content, String contentType) {
        DocumentKey key = DocumentKey.forUpload(kind, client, UUID.randomUUID(), filename);
        s3.putObject(put -> put.bucket(bucket).key(key.value()).contentType(contentType), RequestBody.fromBytes(content));
        return key;
    }

    /** Creates the bucket when it is not there yet (the embedded store starts empty). */
    public void ensureBucket() {
        try {
            s3.headBucket(head -> head.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            s3.createBucket(create -> create.bucket(bucket));
        }
    }
}
