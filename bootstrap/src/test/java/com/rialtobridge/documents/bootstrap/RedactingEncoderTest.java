package com.rialtobridge.documents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactingEncoderTest {

    @Test
    void masksTheSigningParametersOfAPresignedUrl() {
        String url = "https://b.s3.eu-west-1.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAEXAMPLE%2F20260301%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20260301T100000Z"
                + "&X-Amz-Expires=300&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEFAKE%2Btoken&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assertThat(RedactingEncoder.redact("url " + url + " done")).isEqualTo("url https://b.s3.eu-west-1.amazonaws.com/k"
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=****&X-Amz-Date=20260301T100000Z"
                + "&X-Amz-Expires=300&X-Amz-Security-Token=****&X-Amz-SignedHeaders=host&X-Amz-Signature=**** done");
    }

    @Test
    void masksAUrlInsideAnotherUrlAndInsideJson() {
        assertThat(RedactingEncoder.redact("next=https%3A%2F%2Fh%2Fk%3FX-Amz-Signature%3Dabc123%26x%3D1"))
                .isEqualTo("next=https%3A%2F%2Fh%2Fk%3FX-Amz-Signature%3D****%26x%3D1");
        assertThat(RedactingEncoder.redact("{\"formattedMessage\":\"got \\\"https://h/k?X-Amz-Signature=abc\\\"\"}"))
                .isEqualTo("{\"formattedMessage\":\"got \\\"https://h/k?X-Amz-Signature=****\\\"\"}");
    }

    @Test
    void masksApiKeysInHeadersAndGeneratedKeysAnywhere() {
        assertThat(RedactingEncoder.redact("headers {RIALTO_API_KEY: s3cret-typed-by-hand, Accept: */*}"))
                .isEqualTo("headers {RIALTO_API_KEY: ****, Accept: */*}");
        assertThat(RedactingEncoder.redact("rialto_api_key=[abc] RIALTO_API_KEY=\"def\""))
                .isEqualTo("rialto_api_key=[****] RIALTO_API_KEY=\"****\"");
        assertThat(RedactingEncoder.redact("{\\\"RIALTO_API_KEY\\\":\\\"ghi\\\"}")).isEqualTo("{\\\"RIALTO_API_KEY\\\":\\\"****\\\"}");
        assertThat(RedactingEncoder.redact("key rk_f6rChM__4anRPLWQ89n0uCpLPkTXjv5hQXJQrdXBbq4 was sent"))
                .isEqualTo("key rk_**** was sent");
    }

    @Test
    void leavesOrdinaryLinesAlone() {
        String line = "request=abc manager=acme method=POST path=/api/manager/v1/clients/x keys=3 status=201 latency_ms=4.2";
        assertThat(RedactingEncoder.redact(line)).isEqualTo(line);
    }
}
