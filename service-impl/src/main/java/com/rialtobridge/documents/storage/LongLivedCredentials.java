package com.rialtobridge.documents.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Credentials that stay valid for at least a given time from the moment they are handed out.
 *
 * <p>A pre-signed URL lives as long as the credentials that signed it: temporary credentials
 * (a role, a session token) that expire in two minutes give a "five-minute" URL that dies in two.
 * The SDK's own providers refresh only shortly before expiry, so this wrapper asks for new ones
 * whenever the ones at hand expire too soon: it drops the delegate (and with it the delegate's
 * cache) and resolves through a fresh one. Every signer of the service resolves through here, the
 * SDK presigner as well as any other.
 *
 * <p>Credentials with no expiry (static keys) pass through untouched, at the cost of one check.
 */
public final class LongLivedCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LongLivedCredentials.class);

    private final Supplier<? extends AwsCredentialsProvider> providers;
    private final Duration minimumValidity;
    private final Clock clock;
    /** Read on every URL without a lock; replaced, under the lock, only when credentials run short. */
    private volatile AwsCredentialsProvider delegate;

    /**
     * @param providers       makes a new provider with an empty cache, e.g. {@code () -> DefaultCredentialsProvider.builder().build()}
     * @param minimumValidity how long credentials must still be valid when handed out: a URL's lifetime plus a margin
     */
    public LongLivedCredentials(Supplier<? extends AwsCredentialsProvider> providers, Duration minimumValidity, Clock clock) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.minimumValidity = Objects.requireNonNull(minimumValidity, "minimumValidity");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.delegate = Objects.requireNonNull(providers.get(), "provider");
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentials credentials = delegate.resolveCredentials();
        return longEnough(credentials) ? credentials : renew();
    }

    private synchronized AwsCredentials renew() {
        AwsCredentials credentials = delegate.resolveCredentials();
        if (longEnough(credentials)) {
            return credentials; // another thread renewed them while this one waited
        }
        LOG.info("credentials from {} expire at {}, within {}: fetching new ones before signing",
                credentials.providerName().orElse("the credentials chain"), credentials.expirationTime().orElseThrow(),
                minimumValidity);
        AwsCredentialsProvider stale = delegate;
        delegate = Objects.requireNonNull(providers.get(), "provider");
        closeQuietly(stale);
        AwsCredentials fresh = delegate.resolveCredentials();
        if (!longEnough(fresh)) {
            // Signing anyway would hand out URLs that die before their time, silently: refuse instead.
            throw SdkClientException.create("the credentials chain gives only credentials that expire at "
                    + fresh.expirationTime().orElseThrow() + ", sooner than the " + minimumValidity
                    + " a pre-signed URL needs");
        }
        return fresh;
    }

    private boolean longEnough(AwsCredentials credentials) {
        Optional<Instant> expiry = credentials.expirationTime();
        return expiry.isEmpty() || !expiry.get().isBefore(clock.instant().plus(minimumValidity));
    }

    @Override
    public synchronized void close() {
        closeQuietly(delegate);
    }

    private static void closeQuietly(AwsCredentialsProvider provider) {
        if (provider instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // a provider that cannot close its cache leaves nothing we could act on
            }
        }
    }
}
