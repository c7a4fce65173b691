package com.rialtobridge.documents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two keys that tune existence checks: defaults, off switches, and one-line errors. */
class ExistenceConfigTest {

    @Test
    void defaultsListFromFourKeysAndRememberForThirtySeconds() throws Exception {
        ServiceConfig config = ConfigLoader.from(Map.of());
        assertThat(config.listMinKeys()).isEqualTo(4);
        assertThat(config.existenceCacheTtl()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void bothCanBeTurnedOff() throws Exception {
        ServiceConfig config = ConfigLoader.from(Map.of(ConfigLoader.S3_LIST_MIN_KEYS, "0",
                ConfigLoader.EXISTENCE_CACHE_TTL, "off"));
        assertThat(config.listMinKeys()).isZero();
        assertThat(config.existenceCacheTtl()).isZero();
        assertThat(ConfigLoader.from(Map.of(ConfigLoader.EXISTENCE_CACHE_TTL, "0")).existenceCacheTtl()).isZero();
        assertThat(ConfigLoader.from(Map.of(ConfigLoader.EXISTENCE_CACHE_TTL, "500ms")).existenceCacheTtl())
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> ConfigLoader.from(Map.of(ConfigLoader.EXISTENCE_CACHE_TTL, "forever")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("RIALTO_EXISTENCE_CACHE_TTL: 'forever'");
        assertThatThrownBy(() -> ConfigLoader.from(Map.of(ConfigLoader.S3_LIST_MIN_KEYS, "-1")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("RIALTO_S3_LIST_MIN_KEYS: '-1'");
    }
}
