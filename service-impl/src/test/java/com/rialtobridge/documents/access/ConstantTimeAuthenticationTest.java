package com.rialtobridge.documents.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Authentication must not stop early in a way that depends on the presented key: every known hash
 * is compared, whether the key is unknown, the first manager's, the last manager's, or a near miss
 * of a real key; and each comparison is MessageDigest.isEqual, which looks at every byte.
 */
class ConstantTimeAuthenticationTest {

    private static final int MANAGERS = 5;
    private static final int KEYS_EACH = 3;

    private static String key(int manager, int index) {
        return "rk_manager" + manager + "_key" + index;
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "first", "last", "middle", "nearMiss", "empty", "long"})
    void everyKnownHashIsComparedWhateverTheKey(String which) {
        AtomicInteger comparisons = new AtomicInteger();
        List<ApiKeyHash> compared = new ArrayList<>();
        List<Manager> managers = IntStream.range(0, MANAGERS)
                .mapToObj(m -> new Manager(new ManagerId("manager-" + m),
                        IntStream.range(0, KEYS_EACH).mapToObj(k -> ApiKeyHash.of(key(m, k))).toList(),
                        Set.of(new ClientId("client-" + m))))
                .toList();
        Directory directory = new Directory(managers, (known, presented) -> {
            comparisons.incrementAndGet();
            compared.add(known);
            return known.matches(presented);
        });
        String presented = switch (which) {
            case "unknown" -> "rk_nobody";
            case "first" -> key(0, 0);
            case "last" -> key(MANAGERS - 1, KEYS_EACH - 1);
            case "middle" -> key(2, 1);
            case "nearMiss" -> key(0, 0).substring(0, key(0, 0).length() - 1) + "X";
            case "empty" -> "";
            default -> "x".repeat(10_000);
        };

        var found = directory.authenticate(presented);

        assertThat(comparisons.get()).isEqualTo(MANAGERS * KEYS_EACH).isEqualTo(directory.keyCount());
        assertThat(compared).containsExactlyElementsOf(managers.stream().flatMap(m -> m.apiKeys().stream()).toList());
        switch (which) {
            case "first" -> assertThat(found).map(Manager::getName).hasValue("manager-0");
            case "last" -> assertThat(found).map(Manager::getName).hasValue("manager-" + (MANAGERS - 1));
            case "middle" -> assertThat(found).map(Manager::getName).hasValue("manager-2");
            default -> assertThat(found).isEmpty();
        }
    }
}
