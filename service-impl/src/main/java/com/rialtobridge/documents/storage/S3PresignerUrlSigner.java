package com.rialtobridge.documents.storage;

import com.rialtobridge.documents.download.ContentDisposition;
import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.documents.download.UrlSigner;
import java.util.Objects;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Signs with the AWS SDK's own presigner: SigV4 query authentication, key encoded exactly once. */
public final class S3PresignerUrlSigner implements UrlSigner {

    private final S3Presigner presigner;
    private final String bucket;

    public S3PresignerUrlSigner(S3Presigner presigner, String bucket) {
        this.presigner = Objects.requireNonNull(presigner, "presigner");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public String presignGet(DocumentKey key, ContentDisposition disposition) {
        var presigned = presigner.presignGetObject(request -> request
                .signatureDuration(VALIDITY)
                .getObjectRequest(get -> get
                        .bucket(bucket)
                        .key(key.value())
                        .responseContentDisposition(disposition.headerValue())));
        return presigned.url().toString();
    }
}
