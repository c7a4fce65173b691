package com.rialtobridge.documents.storage;

import com.rialtobridge.documents.download.DocumentKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Valid document keys made of the characters where signers and callers go wrong: spaces, '+', '=',
 * '%', '~', quotes, semicolons, reserved URL characters, non-ASCII letters, emoji (surrogate pairs,
 * modifiers, flags, joiners), combining marks, and lengths up to S3's 1024-byte limit. Seeded, so a
 * failing key can be reproduced.
 */
final class RandomDocumentKeys {

    private static final List<String> PIECES = List.of(
            "a", "b", "Z", "q", "0", "7", "file", "scan", "Report", "-", "_", ".", "~",
            " ", "  ", "+", "=", "%", "%20", "%2F", "'", "\"", ";", ",", "&", "?", "#", "*", "!", "(", ")", "[", "]",
            "{", "}", "@", "$", ":", "\\", "^", "`", "|", "<", ">",
            "é", "ü", "ß", "ø", "Ł", "Ж", "Ω", "中文", "日本", "한", "ع", "ह", "\u00a0", "\u200d", "\ufeff",
            "e\u0301", "😀", "👍🏽", "🇫🇷", "👩\u200d💻", "\ud834\udd1e");

    private final Random random;

    RandomDocumentKeys(long seed) {
        this.random = new Random(seed);
    }

    DocumentKey next() {
        while (true) {
            String candidate = candidate();
            if (DocumentKey.problemWith(candidate) == null) {
                return new DocumentKey(candidate);
            }
        }
    }

    private String candidate() {
        StringBuilder key = new StringBuilder("rialto-clients/")
                .append(random.nextBoolean() ? "individuals" : "entities").append('/')
                .append(new UUID(random.nextLong(), random.nextLong())).append('/');
        int extraSegments = random.nextInt(8) == 0 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < extraSegments; i++) {
            key.append(text(1 + random.nextInt(4))).append('/');
        }
        key.append(new UUID(random.nextLong(), random.nextLong())).append('_');
        if (random.nextInt(20) == 0) {
            // Near S3's limit: grow the name until one more piece could overflow 1024 bytes.
            int limit = DocumentKey.MAX_UTF8_BYTES - 12;
            while (utf8Length(key) < limit) {
                key.append(piece());
            }
        } else {
            key.append(text(1 + random.nextInt(12)));
        }
        if (random.nextBoolean()) {
            key.append(random.nextBoolean() ? ".pdf" : ".jpg");
        }
        return key.toString();
    }

    private String text(int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(piece());
        }
        return text.toString();
    }

    private String piece() {
        return PIECES.get(random.nextInt(PIECES.size()));
    }

    private static int utf8Length(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
