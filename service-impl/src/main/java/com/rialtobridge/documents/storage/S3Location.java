package com.rialtobridge.documents.storage;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Which bucket holds the documents and how to reach it.
 *
 * @param endpoint  empty for AWS S3 itself (the SDK picks the regional endpoint); set for an
 *                  S3-compatible store such as MinIO, Ceph or the embedded one
 * @param pathStyle {@code https://host/bucket/key} rather than {@code https://bucket.host/key};
 *                  S3-compatible stores usually need it
 */
public record S3Location(String bucket, Region region, Optional<URI> endpoint, boolean pathStyle) {

    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
