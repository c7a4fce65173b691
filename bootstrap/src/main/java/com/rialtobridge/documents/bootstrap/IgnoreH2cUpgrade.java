package com.rialtobridge.documents.bootstrap;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Answers an {@code Upgrade: h2c} request as the plain HTTP/1.1 request it also is.
 *
 * <p>Java's HttpClient (and curl --http2) ask for h2c on every plain-http request. Grizzly without
 * its HTTP/2 module stops decoding the body of such a request and the request hangs until the
 * client times out (Grizzly issue 1972, Jersey issue 6059). RFC 9113 lets a server ignore the
 * upgrade, which is what this does, right after the HTTP codec has parsed the headers.
 */
final class IgnoreH2cUpgrade extends BaseFilter implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(HttpServerFilter.class);
        if (codec < 0) {
            throw new IllegalStateException("Grizzly's HTTP codec is not in the filter chain");
        }
        builder.add(codec + 1, this);
    }

    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
        if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
            HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
            if ("h2c".equalsIgnoreCase(header.getUpgrade())) {
                header.setIgnoreContentModifiers(false);
                header.getUpgradeDC().recycle();
                header.getHeaders().removeHeader(Header.Upgrade);
                return ctx.getStopAction();
            }
        }
        return ctx.getInvokeAction();
    }
}
