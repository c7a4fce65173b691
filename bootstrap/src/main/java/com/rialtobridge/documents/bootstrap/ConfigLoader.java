package com.rialtobridge.documents.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * Reads {@link ServiceConfig} from the environment and, optionally, a file of {@code KEY=value}
 * lines with the same keys. The environment wins over the file, so one file can serve several
 * deployments that differ in a variable or two.
 */
public final class ConfigLoader {

    static final String HTTP_HOST = "RIALTO_HTTP_HOST";
    static final String HTTP_PORT = "RIALTO_HTTP_PORT";
    static final String DATA_DIR = "RIALTO_DATA_DIR";
    static final String DIRECTORY_FILE = "RIALTO_DIRECTORY_FILE";
    static final String S3_BUCKET = "RIALTO_S3_BUCKET";
    static final String S3_REGION = "RIALTO_S3_REGION";
    static final String S3_ENDPOINT = "RIALTO_S3_ENDPOINT";
    static final String S3_PATH_STYLE = "RIALTO_S3_PATH_STYLE";
    static final String EMBEDDED_S3_PORT = "RIALTO_EMBEDDED_S3_PORT";
    static final String MAX_KEYS = "RIALTO_MAX_KEYS";
    static final String S3_MAX_CONCURRENCY = "RIALTO_S3_MAX_CONCURRENCY";
    static final String REQUEST_TIMEOUT = "RIALTO_REQUEST_TIMEOUT";
    static final String LOG_FORMAT = "RIALTO_LOG_FORMAT";
    static final String DOCS_ENABLED = "RIALTO_DOCS_ENABLED";
    static final String MAX_BODY_BYTES = "RIALTO_MAX_BODY_BYTES";
    static final String S3_LIST_MIN_KEYS = "RIALTO_S3_LIST_MIN_KEYS";
    static final String EXISTENCE_CACHE_TTL = "RIALTO_EXISTENCE_CACHE_TTL";
    static final String SIGNER = "RIALTO_SIGNER";

    /** Every key the service reads; a file naming any other RIALTO_ key has a typo in it. */
    static final Set<String> KEYS = Set.of(HTTP_HOST, HTTP_PORT, DATA_DIR, DIRECTORY_FILE, S3_BUCKET, S3_REGION,
            S3_ENDPOINT, S3_PATH_STYLE, EMBEDDED_S3_PORT, MAX_KEYS, S3_MAX_CONCURRENCY, REQUEST_TIMEOUT,
            LOG_FORMAT, DOCS_ENABLED, MAX_BODY_BYTES, S3_LIST_MIN_KEYS, EXISTENCE_CACHE_TTL, SIGNER);

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

    private ConfigLoader() {
    }

    public static ServiceConfig load(Map<String, String> environment, Optional<Path> file) throws ConfigException {
        Map<String, String> values = new HashMap<>();
        if (file.isPresent()) {
            values.putAll(readFile(file.get()));
        }
        environment.forEach((key, value) -> {
            if (KEYS.contains(key)) {
                values.put(key, value);
            }
        });
        values.values().removeIf(String::isBlank);
        return from(values);
    }

    /**
     * RIALTO_ environment variables the service does not read: most likely misspelt settings, which
     * would otherwise be ignored without a word. RIALTO_API_KEY is the callers' header, often exported
     * in the same shell (the README's walkthrough does), so it is not reported.
     */
    public static Set<String> unknownVariables(Map<String, String> environment) {
        Set<String> unknown = new TreeSet<>();
        environment.keySet().stream()
                .filter(name -> name.startsWith("RIALTO_") && !KEYS.contains(name) && !name.equals("RIALTO_API_KEY"))
                .forEach(unknown::add);
        return unknown;
    }

    static ServiceConfig from(Map<String, String> values) throws ConfigException {
        Path dataDir = path(values, DATA_DIR, "./rialto-data");
        boolean directoryGiven = values.containsKey(DIRECTORY_FILE);
        Path directoryFile = directoryGiven ? path(values, DIRECTORY_FILE, null) : dataDir.resolve("directory.yaml");
        Optional<String> bucket = Optional.ofNullable(values.get(S3_BUCKET));
        if (bucket.isPresent() && !BUCKET.matcher(bucket.get()).matches()) {
            throw new ConfigException(S3_BUCKET + ": '" + bucket.get() + "' is not a valid S3 bucket name"
                    + " (3 to 63 lowercase letters, digits, '.' and '-')");
        }
        Optional<URI> endpointUri = values.containsKey(S3_ENDPOINT)
                ? Optional.of(endpoint(values.get(S3_ENDPOINT))) : Optional.empty();
        if (endpointUri.isPresent() && bucket.isEmpty()) {
            throw new ConfigException(S3_ENDPOINT + " is set but " + S3_BUCKET
                    + " is not: name the bucket on that store (without a bucket the embedded store is used)");
        }
        boolean pathStyle = bool(values, S3_PATH_STYLE, endpointUri.isPresent());
        int httpPort = port(values, HTTP_PORT, 3002);
        int embeddedPort = port(values, EMBEDDED_S3_PORT, 3003);
        if (bucket.isEmpty() && httpPort != 0 && httpPort == embeddedPort) {
            throw new ConfigException(HTTP_PORT + " and " + EMBEDDED_S3_PORT + " are both " + httpPort
                    + ": the embedded store needs a port of its own");
        }
        return new ServiceConfig(
                host(values.getOrDefault(HTTP_HOST, "127.0.0.1")),
                httpPort,
                dataDir,
                directoryFile,
                directoryGiven,
                bucket,
                region(values.getOrDefault(S3_REGION, "us-east-1")),
                endpointUri,
                pathStyle,
                embeddedPort,
                intIn(values, MAX_KEYS, 1000, 1, 100_000),
                intIn(values, S3_MAX_CONCURRENCY, 32, 1, 1024),
                duration(values, REQUEST_TIMEOUT, Duration.ofSeconds(5)),
                LogFormat.parse(LOG_FORMAT, values.getOrDefault(LOG_FORMAT, "text")),
                // The docs page is for trying the service out: on by default only with the embedded store.
                bool(values, DOCS_ENABLED, bucket.isEmpty()),
                intIn(values, MAX_BODY_BYTES, 1024 * 1024, 1024, 64 * 1024 * 1024),
                intIn(values, S3_LIST_MIN_KEYS, 4, 0, 100_000),
                cacheTtl(values, EXISTENCE_CACHE_TTL, Duration.ofSeconds(30)),
                signer(values));
    }

    private static Map<String, String> readFile(Path file) throws ConfigException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("--config: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--config: " + file + " is not a file of KEY=value lines");
        }
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new ConfigException("--config: " + file + " names unknown keys " + unknown + "; known keys are "
                    + new TreeSet<>(KEYS));
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).strip()));
        return values;
    }

    private static String host(String host) throws ConfigException {
        if (!host.matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) {
            throw new ConfigException(HTTP_HOST + ": '" + host + "' is not a host name or address");
        }
        return host;
    }

    private static int port(Map<String, String> values, String key, int fallback) throws ConfigException {
        return intIn(values, key, fallback, 0, 65535);
    }

    private static int intIn(Map<String, String> values, String key, int fallback, int min, int max)
            throws ConfigException {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new ConfigException(key + ": '" + text + "' is not a whole number from " + min + " to " + max);
    }

    private static boolean bool(Map<String, String> values, String key, boolean fallback) throws ConfigException {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new ConfigException(key + ": '" + text + "' is not true or false");
        };
    }

    private static Duration duration(Map<String, String> values, String key, Duration fallback) throws ConfigException {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(text.strip());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            Duration value = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
            if (!value.isZero()) {
                return value;
            }
        }
        throw new ConfigException(key + ": '" + text + "' is not a positive duration such as 500ms, 5s or 1m");
    }

    /** A duration where {@code 0} or {@code off} means "do not cache". */
    private static Duration cacheTtl(Map<String, String> values, String key, Duration fallback) throws ConfigException {
        String text = values.get(key);
        if (text != null && (text.strip().equals("0") || text.strip().equalsIgnoreCase("off"))) {
            return Duration.ZERO;
        }
        try {
            return duration(values, key, fallback);
        } catch (ConfigException e) {
            throw new ConfigException(key + ": '" + text + "' is not a duration such as 500ms, 30s or 1m, or 0/off");
        }
    }

    private static UrlSignerKind signer(Map<String, String> values) throws ConfigException {
        String text = values.get(SIGNER);
        if (text == null) {
            return UrlSignerKind.FAST;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (UrlSignerKind kind : UrlSignerKind.values()) {
            if (kind.configValue().equals(wanted)) {
                return kind;
            }
        }
        throw new ConfigException(SIGNER + ": '" + text + "' is not " + UrlSignerKind.FAST.configValue()
                + " (the default) or " + UrlSignerKind.SDK.configValue());
    }

    private static Path path(Map<String, String> values, String key, String fallback) throws ConfigException {
        String text = values.getOrDefault(key, fallback);
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new ConfigException(key + ": '" + text + "' is not a valid path");
        }
    }

    private static URI endpoint(String text) throws ConfigException {
        try {
            URI uri = new URI(text.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigException(S3_ENDPOINT + ": '" + text + "' is not an http(s) URL such as https://minio.internal:9000");
    }

    private static Region region(String text) throws ConfigException {
        if (!text.matches("[a-z0-9-]{2,32}")) {
            throw new ConfigException(S3_REGION + ": '" + text + "' is not a region name such as eu-west-1");
        }
        return Region.of(text);
    }
}
