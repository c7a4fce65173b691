package com.rialtobridge.documents.ops;

import com.rialtobridge.documents.download.DownloadMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;

/**
 * The service's metrics in one Prometheus registry:
 * <ul>
 *   <li>{@code http_server_requests_seconds}: requests by method, path template and status, as a
 *       histogram, so latency quantiles can be aggregated across instances;</li>
 *   <li>{@code rialto_urls_issued_total}, {@code rialto_store_calls_seconds{kind,outcome}},
 *       {@code rialto_existence_cache_total{result}}: the operation's own, through {@link DownloadMetrics};</li>
 *   <li>JVM memory, GC, threads, class loading, CPU and uptime.</li>
 * </ul>
 */
public final class ServiceMetrics implements DownloadMetrics, AutoCloseable {

    static final String HTTP_REQUESTS = "http.server.requests";
    private static final double[] LATENCY_BUCKETS = java.util.stream.LongStream
            .of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .mapToDouble(ms -> Duration.ofMillis(ms).toNanos())
            .toArray();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter urlsIssued;
    private final Counter cacheHits;
    private final Counter cacheMisses;

    public ServiceMetrics() {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals(HTTP_REQUESTS) || id.getName().equals("rialto.store.calls")) {
                    // A dozen fixed buckets from 5 ms to 10 s (the store deadline is seconds): enough for
                    // latency quantiles and SLO ratios across instances, few enough to keep scrapes small.
                    return DistributionStatisticConfig.builder()
                            .serviceLevelObjectives(LATENCY_BUCKETS)
                            .build()
                            .merge(config);
                }
                return config;
            }
        });
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        urlsIssued = Counter.builder("rialto.urls.issued")
                .description("Pre-signed URLs handed to callers").register(registry);
        cacheHits = cacheCounter("hit");
        cacheMisses = cacheCounter("miss");
    }

    private Counter cacheCounter(String result) {
        return Counter.builder("rialto.existence.cache").tag("result", result)
                .description("Existence checks answered by the cache (hit) or sent to the store (miss)")
                .register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Times every request Jersey handles, tagged by method, matched path template, status and outcome. */
    public ApplicationEventListener httpListener() {
        return new HttpRequestMetrics(registry, HTTP_REQUESTS);
    }

    @Override
    public void urlsIssued(int count) {
        urlsIssued.increment(count);
    }

    @Override
    public void storeCall(String kind, String outcome, Duration took) {
        Timer.builder("rialto.store.calls").tag("kind", kind).tag("outcome", outcome)
                .description("Calls to the document store by operation and outcome")
                .register(registry).record(took);
    }

    @Override
    public void existenceCacheLookup(boolean hit) {
        (hit ? cacheHits : cacheMisses).increment();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
