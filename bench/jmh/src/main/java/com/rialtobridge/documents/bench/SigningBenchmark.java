package com.rialtobridge.documents.bench;

import com.rialtobridge.documents.download.ContentDisposition;
import com.rialtobridge.documents.download.DocumentKey;
import com.rialtobridge.documents.download.UrlSigner;
import com.rialtobridge.documents.storage.S3Clients;
import com.rialtobridge.documents.storage.S3Location;
import com.rialtobridge.documents.storage.S3PresignerUrlSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * One pre-signed GET URL, three ways, in one run so the figures are comparable: the service's fast
 * signer, the SDK's S3Presigner, and the floor no SigV4 signer can go below (one SHA-256 of a
 * canonical request plus one HMAC-SHA256 with an already derived key).
 *
 * <p>Both signers sign the same keys for the same bucket with the same credentials; the keys cycle
 * through a fixed, seeded set of realistic names so the JIT cannot fold a constant input away.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SigningBenchmark {

    private static final int KEY_COUNT = 64;
    private static final String[] NAMES = {
        "file1.pdf", "Passport scan.jpg", "proof_of_address (2).pdf", "contrato firmado ñ.pdf",
        "Kontoauszug März 2025.pdf", "бизнес-план.docx", "KYC+AML=done.pdf", "reçu 100%.png",
    };

    private final DocumentKey[] keys = new DocumentKey[KEY_COUNT];
    private final ContentDisposition[] dispositions = new ContentDisposition[KEY_COUNT];
    private int next;

    private S3Presigner presigner;
    private UrlSigner sdk;
    private UrlSigner fast;

    private MessageDigest sha256;
    private Mac hmac;
    private byte[] canonicalRequest;
    private byte[] stringToSign;
    private int hashHexOffset;

    @Setup
    public void setUp() throws GeneralSecurityException {
        Random random = new Random(2026);
        for (int i = 0; i < KEY_COUNT; i++) {
            keys[i] = new DocumentKey("rialto-clients/" + (random.nextBoolean() ? "entities/" : "individuals/")
                    + new UUID(random.nextLong(), random.nextLong()) + "/"
                    + new UUID(random.nextLong(), random.nextLong()) + "_" + NAMES[random.nextInt(NAMES.length)]);
            dispositions[i] = ContentDisposition.attachment(keys[i].filename());
        }
        S3Location location = new S3Location("rialto-documents", Region.EU_WEST_1, Optional.empty(), false);
        S3Clients clients = new S3Clients(location, StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")));
        presigner = clients.presigner();
        sdk = new S3PresignerUrlSigner(presigner, location.bucket());
        fast = clients.queryUrlSigner(Clock.systemUTC());

        // The canonical request of a typical URL, spelled out rather than taken from the signer under test.
        canonicalRequest = ("GET\n/rialto-clients/entities/d61b6b30-0bf6-4fe7-9110-905b78f938df/"
                + "26f7380a-dbf7-46a4-9568-7881cc8bfce7_file1.pdf\n"
                + "X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20260101%2Feu-west-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20260101T120000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host"
                + "&response-content-disposition=attachment%3B%20filename%3D%22file1.pdf%22%3B%20filename%2A%3DUTF-8%27%27file1.pdf\n"
                + "host:rialto-documents.s3.eu-west-1.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD")
                .getBytes(StandardCharsets.US_ASCII);
        String stringToSignStart = "AWS4-HMAC-SHA256\n20260101T120000Z\n20260101/eu-west-1/s3/aws4_request\n";
        hashHexOffset = stringToSignStart.length();
        stringToSign = (stringToSignStart + "0".repeat(64)).getBytes(StandardCharsets.US_ASCII);
        sha256 = MessageDigest.getInstance("SHA-256");
        hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
    }

    @TearDown
    public void tearDown() {
        presigner.close();
    }

    @Benchmark
    public String fastSigner() {
        int i = next++ & (KEY_COUNT - 1);
        return fast.presignGet(keys[i], dispositions[i]);
    }

    @Benchmark
    public String sdkPresigner() {
        int i = next++ & (KEY_COUNT - 1);
        return sdk.presignGet(keys[i], dispositions[i]);
    }

    @Benchmark
    public byte[] floorSha256PlusHmac() {
        byte[] hash = sha256.digest(canonicalRequest);
        for (int i = 0; i < hash.length; i++) {
            stringToSign[hashHexOffset + 2 * i] = (byte) Character.forDigit((hash[i] >> 4) & 0xf, 16);
            stringToSign[hashHexOffset + 2 * i + 1] = (byte) Character.forDigit(hash[i] & 0xf, 16);
        }
        return hmac.doFinal(stringToSign);
    }
}
