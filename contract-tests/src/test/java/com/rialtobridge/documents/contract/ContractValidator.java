package com.rialtobridge.documents.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds HTTP exchanges against openapi/rialto-manager-api.yaml: which operation a request is, whether
 * the request is one the contract allows, and whether the answer is one it documents. Schemas are
 * checked by networknt's json-schema-validator with the OpenAPI 3.1 dialect (JSON Schema 2020-12);
 * this class only walks the OpenAPI document to find which schema applies, which is OpenAPI's part
 * and not JSON Schema's.
 *
 * <p>Every check returns the list of violations (empty when valid), so that a test can show that a
 * drifted answer is caught, not only that a good one passes.
 */
final class ContractValidator {

    /** The contract as the openapi module packages it (and as the service serves it). */
    static final String CLASSPATH_YAML = "openapi/rialto-manager-api.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final List<String> basePaths;
    private final SchemaRegistry schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31());

    private ContractValidator(JsonNode document) {
        this.document = document;
        this.basePaths = new ArrayList<>();
        document.path("servers").forEach(server -> basePaths.add(URI.create(server.path("url").asText()).getPath()));
    }

    static ContractValidator load() {
        try (InputStream in = ContractValidator.class.getClassLoader().getResourceAsStream(CLASSPATH_YAML)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_YAML + " is not on the classpath");
            }
            return new ContractValidator(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base paths of the contract's servers (the part of each server URL after the host). */
    List<String> basePaths() {
        return List.copyOf(basePaths);
    }

    /** An operation of the contract, found by method and request path. */
    record Operation(String method, String template, JsonNode node, JsonNode pathItem, Map<String, String> pathValues) {

        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }
    }

    /** The operation a request is, or empty when the contract has none for this method and path. */
    Optional<Operation> operation(String method, URI uri) {
        String path = uri.getRawPath();
        for (String base : basePaths) {
            if (!path.startsWith(base + "/")) {
                continue;
            }
            String relative = path.substring(base.length());
            for (Map.Entry<String, JsonNode> entry : document.path("paths").properties()) {
                JsonNode op = entry.getValue().path(method.toLowerCase(Locale.ROOT));
                Optional<Map<String, String>> values = match(entry.getKey(), relative);
                if (!op.isMissingNode() && values.isPresent()) {
                    return Optional.of(new Operation(method, entry.getKey(), op, entry.getValue(), values.get()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a request, against the contract: the operation exists, its required
     * parameters and security header are present and valid, and the body has a documented content
     * type and matches the schema.
     */
    List<String> checkRequest(String method, URI uri, Map<String, List<String>> headers, String body) {
        List<String> violations = new ArrayList<>();
        Optional<Operation> found = operation(method, uri);
        if (found.isEmpty()) {
            violations.add("the contract has no operation " + method + " " + uri.getRawPath());
            return violations;
        }
        Operation op = found.get();
        for (JsonNode parameter : parameters(op)) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            Optional<String> value = switch (in) {
                case "path" -> Optional.ofNullable(op.pathValues().get(name));
                case "header" -> header(headers, name);
                case "query" -> query(uri, name);
                default -> Optional.empty();
            };
            if (value.isEmpty() || value.get().isEmpty()) {
                if (parameter.path("required").asBoolean(false)) {
                    violations.add(op.name() + ": required " + in + " parameter '" + name + "' is missing");
                }
                continue;
            }
            // Only string-typed parameters are in the contract; a value is held against its schema as text.
            for (Error error : validate(pointer(op) + "/parameters", parameter.path("schema"), TextNode.valueOf(value.get()))) {
                violations.add(op.name() + ": " + in + " parameter '" + name + "': " + error.getMessage());
            }
        }
        JsonNode security = op.node().has("security") ? op.node().path("security") : document.path("security");
        if (security.size() > 0 && !anyRequirementMet(security, headers)) {
            violations.add(op.name() + ": no security requirement is met (" + security + ")");
        }
        JsonNode requestBody = resolve(op.node().path("requestBody"));
        if (!requestBody.isMissingNode()) {
            if (body == null || body.isEmpty()) {
                if (requestBody.path("required").asBoolean(false)) {
                    violations.add(op.name() + ": the request body is required");
                }
            } else {
                String mediaType = mediaType(header(headers, "Content-Type").orElse(""));
                JsonNode content = requestBody.path("content").path(mediaType);
                if (content.isMissingNode()) {
                    violations.add(op.name() + ": request Content-Type '" + mediaType + "' is not one of "
                            + fieldNames(requestBody.path("content")));
                } else {
                    violations.addAll(validateBody(op.name() + ": request body", content, body));
                }
            }
        }
        return violations;
    }

    /**
     * What is wrong with an answer, against the contract: its status is one the operation documents,
     * and where the contract describes a body for it, the Content-Type is a documented one and the
     * body matches that schema. (Where a status has no {@code content}, the contract says nothing
     * about the body; the service's own error policy, problem+json, is asserted by the tests.)
     */
    List<String> checkResponse(String method, URI uri, int status, String contentType, String body) {
        List<String> violations = new ArrayList<>();
        Optional<Operation> found = operation(method, uri);
        if (found.isEmpty()) {
            violations.add("the contract has no operation " + method + " " + uri.getRawPath());
            return violations;
        }
        Operation op = found.get();
        JsonNode responses = op.node().path("responses");
        String code = String.valueOf(status);
        JsonNode response = responses.has(code) ? responses.path(code)
                : responses.has(code.charAt(0) + "XX") ? responses.path(code.charAt(0) + "XX")
                : responses.path("default");
        if (response.isMissingNode()) {
            violations.add(op.name() + ": status " + status + " is not documented (documented: " + fieldNames(responses) + ")");
            return violations;
        }
        response = resolve(response);
        JsonNode contents = response.path("content");
        if (contents.isMissingNode() || contents.isEmpty()) {
            return violations;
        }
        String mediaType = mediaType(contentType == null ? "" : contentType);
        JsonNode content = contents.path(mediaType);
        if (content.isMissingNode()) {
            violations.add(op.name() + ": status " + status + " answered Content-Type '" + mediaType + "', documented: "
                    + fieldNames(contents));
            return violations;
        }
        violations.addAll(validateBody(op.name() + ": " + status + " body", content, body));
        return violations;
    }

    private List<String> validateBody(String what, JsonNode content, String body) {
        List<String> violations = new ArrayList<>();
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            violations.add(what + " is not JSON");
            return violations;
        }
        for (Error error : validate("", content.path("schema"), instance)) {
            violations.add(what + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
        return violations;
    }

    private List<Error> validate(String where, JsonNode schema, JsonNode instance) {
        if (schema.isMissingNode()) {
            return List.of();
        }
        // Located in the contract file, so that a local $ref a future schema may hold is looked up there.
        Schema compiled = schemas.getSchema(SchemaLocation.of("classpath:" + CLASSPATH_YAML + "#" + where), schema);
        return compiled.validate(instance);
    }

    private boolean anyRequirementMet(JsonNode security, Map<String, List<String>> headers) {
        for (JsonNode requirement : security) {
            boolean met = true;
            for (Iterator<String> names = requirement.fieldNames(); names.hasNext(); ) {
                met &= securitySchemeMet(names.next(), headers);
            }
            if (met) {
                return true;
            }
        }
        return false;
    }

    private boolean securitySchemeMet(String scheme, Map<String, List<String>> headers) {
        JsonNode definition = document.path("components").path("securitySchemes").path(scheme);
        if (definition.path("type").asText().equals("apiKey") && definition.path("in").asText().equals("header")) {
            return header(headers, definition.path("name").asText()).filter(v -> !v.isEmpty()).isPresent();
        }
        return false;
    }

    private List<JsonNode> parameters(Operation op) {
        List<JsonNode> all = new ArrayList<>();
        op.pathItem().path("parameters").forEach(p -> all.add(resolve(p)));
        op.node().path("parameters").forEach(p -> all.add(resolve(p)));
        return all;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#")) {
                throw new IllegalStateException("only local $refs are expected in the contract: " + ref);
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private static String pointer(Operation op) {
        return "/paths/" + URLEncoder.encode(op.template().replace("~", "~0").replace("/", "~1"), StandardCharsets.UTF_8)
                + "/" + op.method().toLowerCase(Locale.ROOT);
    }

    private static Optional<Map<String, String>> match(String template, String path) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        Matcher path2 = Pattern.compile(regex.toString()).matcher(path);
        if (!path2.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), java.net.URLDecoder.decode(path2.group(i + 1), StandardCharsets.UTF_8));
        }
        return Optional.of(values);
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }

    private static Optional<String> query(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return Optional.empty();
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
