package com.rialtobridge.documents.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

/**
 * Swagger UI at {@code /docs}, from the org.webjars:swagger-ui artefact on the classpath (no copied
 * files), opened on the service's own contract. Only the artefact's own file names are served, and
 * its {@code swagger-initializer.js} is replaced by ours (which names our contract and sends "Try it
 * out" to this server whatever servers the contract lists). Registered only when docs are enabled.
 */
@Path("/docs")
public final class DocsResource {

    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    private static final String INITIALIZER = "/docs/swagger-initializer.js";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "index.css", "text/css; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "swagger-initializer.js", "text/javascript; charset=utf-8",
            "favicon-16x16.png", "image/png",
            "favicon-32x32.png", "image/png",
            "oauth2-redirect.html", "text/html; charset=utf-8",
            "oauth2-redirect.js", "text/javascript; charset=utf-8");
    private static final CacheControl NO_CACHE = CacheControl.valueOf("no-cache");

    /** The page's links are relative, so it must be loaded from /docs/, not /docs. */
    @GET
    public Response index(@Context UriInfo uri) {
        if (!uri.getPath().endsWith("/")) {
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/docs/")).build();
        }
        return file("index.html");
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        String type = FILES.get(file);
        if (type == null) {
            throw new NotFoundException();
        }
        String resource = file.equals("swagger-initializer.js") ? INITIALIZER : WEBJAR + file;
        try (InputStream in = DocsResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return Response.ok(in.readAllBytes(), type).cacheControl(NO_CACHE).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion() {
        try (InputStream in = DocsResource.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "missing");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
