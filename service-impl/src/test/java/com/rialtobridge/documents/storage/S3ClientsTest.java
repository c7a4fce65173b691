package com.rialtobridge.documents.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.rialtobridge.documents.download.ContentDisposition;
import com.rialtobridge.documents.download.DocumentKey;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The URLs each supported store configuration produces, signed offline: where they point (host and
 * path) and the region in the credential scope, which S3 checks against the bucket's region.
 */
class S3ClientsTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    private static final DocumentKey KEY = new DocumentKey(
            "rialto-clients/individuals/91e5bd3c-0e13-4e6e-a673-3c0842b7f370/7111bfb8-d6d3-4930-a6d0-eaa68a1c431a_scan 1.pdf");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // configuration                | region    | endpoint                    | path style | scheme+host                              | path prefix
        "AWS us-east-1, virtual host     | us-east-1 |                             | false | https://rialto-docs.s3.amazonaws.com            | /",
        "AWS eu-west-1, virtual host     | eu-west-1 |                             | false | https://rialto-docs.s3.eu-west-1.amazonaws.com  | /",
        "AWS us-east-1, path style       | us-east-1 |                             | true  | https://s3.amazonaws.com                        | /rialto-docs/",
        "AWS eu-west-1, path style       | eu-west-1 |                             | true  | https://s3.eu-west-1.amazonaws.com              | /rialto-docs/",
        "MinIO, custom endpoint          | us-east-1 | https://minio.internal:9000 | true  | https://minio.internal:9000                     | /rialto-docs/",
        "Ceph RGW, custom region         | eu-west-1 | http://rgw.storage.local    | true  | http://rgw.storage.local                        | /rialto-docs/",
    })
    void presignsForTheConfiguredStore(String name, String region, String endpoint, boolean pathStyle,
            String expectedOrigin, String expectedPathPrefix) throws Exception {
        S3Location location = new S3Location("rialto-docs", Region.of(region),
                Optional.ofNullable(endpoint).map(URI::create), pathStyle);
        try (S3Presigner presigner = new S3Clients(location, CREDENTIALS).presigner()) {
            URI url = URI.create(new S3PresignerUrlSigner(presigner, "rialto-docs")
                    .presignGet(KEY, ContentDisposition.attachment(KEY.filename())));

            assertThat(url.getScheme() + "://" + url.getRawAuthority()).isEqualTo(expectedOrigin);
            assertThat(url.getRawPath()).isEqualTo(expectedPathPrefix
                    + "rialto-clients/individuals/91e5bd3c-0e13-4e6e-a673-3c0842b7f370/7111bfb8-d6d3-4930-a6d0-eaa68a1c431a_scan%201.pdf");
            String query = URLDecoder.decode(url.getRawQuery(), StandardCharsets.UTF_8);
            assertThat(query)
                    .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256")
                    .contains("X-Amz-Expires=300")
                    .containsPattern("X-Amz-Credential=AKIDEXAMPLE/\\d{8}/" + region + "/s3/aws4_request")
                    .containsPattern("X-Amz-Signature=[0-9a-f]{64}");
        }
    }
}
