package com.rialtobridge.documents.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * How log lines look: {@code text} (readable lines, for a terminal) or {@code json} (one JSON object
 * per line, for a log shipper). logback.xml defines both; this picks one.
 */
enum LogFormat {
    TEXT,
    JSON;

    /** The logback variable logback.xml chooses its appender by; it falls back to the environment. */
    static final String LOGBACK_PROPERTY = "rialto.log.format";

    static LogFormat parse(String key, String text) throws ConfigException {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new ConfigException(key + ": '" + text + "' is not json or text");
        };
    }

    /**
     * Reconfigures logging in this format. Logback configures itself before the configuration is
     * read (from the environment only), so a value from a --config file takes effect here.
     */
    void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        URL config = LogFormat.class.getResource("/logback.xml");
        if (config == null) {
            return;
        }
        context.reset();
        context.putProperty(LOGBACK_PROPERTY, name().toLowerCase(Locale.ROOT));
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            // logback.xml is ours and fixed; a failure here leaves logging at logback's defaults.
        }
    }
}
