package com.rialtobridge.documents.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rialtobridge.documents.access.ClientId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DocumentKeyTest {

    private static final ClientId CLIENT = new ClientId("d61b6b30-0bf6-4fe7-9110-905b78f938df");

    @ParameterizedTest
    @ValueSource(strings = {
        "rialto-clients/entities/d61b6b30-0bf6-4fe7-9110-905b78f938df/26f7380a-dbf7-46a4-9568-7881cc8bfce7_file1.pdf",
        "rialto-clients/individuals/d61b6b30-0bf6-4fe7-9110-905b78f938df/a b+c=d%e~f.pdf",
        "rialto-clients/individuals/d61b6b30-0bf6-4fe7-9110-905b78f938df/sub/déjà vu 📄.pdf",
    })
    void keysInTheClientsPrefixBelongToIt(String key) {
        assertThat(new DocumentKey(key).belongsTo(CLIENT)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "rialto-clients/entities/someone-else/26f7380a-dbf7-46a4-9568-7881cc8bfce7_file1.pdf",
        "rialto-clients/companies/d61b6b30-0bf6-4fe7-9110-905b78f938df/file1.pdf",
        "other-root/entities/d61b6b30-0bf6-4fe7-9110-905b78f938df/file1.pdf",
        "rialto-clients/entities/d61b6b30-0bf6-4fe7-9110-905b78f938df",
        "rialto-clients/entities/d61b6b30-0bf6-4fe7-9110-905b78f938dfX/file1.pdf",
        "rialto-clients/entities/d61b6b30-0bf6-4fe7-9110-905b78f938df-suffix/file1.pdf",
    })
    void keysOutsideTheClientsPrefixDoNot(String key) {
        assertThat(new DocumentKey(key).belongsTo(CLIENT)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rialto-clients/entities/c/26f7380a-dbf7-46a4-9568-7881cc8bfce7_file1.pdf | file1.pdf",
        "rialto-clients/entities/c/7111BFB8-D6D3-4930-A6D0-EAA68A1C431A_My scan.JPG | My scan.JPG",
        "rialto-clients/entities/c/no-prefix.pdf | no-prefix.pdf",
        "rialto-clients/entities/c/26f7380a-dbf7-46a4-9568-7881cc8bfce7_ | 26f7380a-dbf7-46a4-9568-7881cc8bfce7_",
        "rialto-clients/entities/c/26f7380a_dbf7.pdf | 26f7380a_dbf7.pdf",
        "rialto-clients/entities/c/26f7380a-dbf7-46a4-9568-7881cc8bfce7_26f7380a-dbf7-46a4-9568-7881cc8bfce7_x | 26f7380a-dbf7-46a4-9568-7881cc8bfce7_x",
    })
    void filenameIsTheLastSegmentWithoutTheUploadUuid(String key, String filename) {
        assertThat(new DocumentKey(key).filename()).isEqualTo(filename);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/rialto-clients/a", "a//b", "a/./b", "a/../b", "a/", "..", "a\nb", "a\u0000b", "a\u007fb",
        "a\ud800b", "a\udc00"})
    void refusesMalformedKeys(String key) {
        assertThat(DocumentKey.problemWith(key)).isNotNull();
        assertThatThrownBy(() -> new DocumentKey(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limitsKeysToS3s1024BytesOfUtf8() {
        String prefix = "rialto-clients/entities/c/";
        String fits = prefix + "é".repeat((1024 - prefix.length()) / 2);
        assertThat(DocumentKey.problemWith(fits)).isNull();
        assertThat(DocumentKey.problemWith(fits + "é")).contains("1024 bytes");
    }
}
