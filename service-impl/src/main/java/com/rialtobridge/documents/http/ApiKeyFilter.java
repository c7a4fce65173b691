package com.rialtobridge.documents.http;

import com.rialtobridge.documents.access.DirectorySource;
import com.rialtobridge.documents.access.Manager;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks {@code RIALTO_API_KEY} before anything else looks at the request, so that a caller without
 * a valid key learns nothing, not even whether their body or Content-Type would have been accepted.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class ApiKeyFilter implements ContainerRequestFilter {

    public static final String HEADER = "RIALTO_API_KEY";

    /** The contract itself is public: a caller needs it before they have a key. */
    private static final Set<String> PUBLIC_PATHS = Set.of(ApiPaths.BASE + "/openapi.yaml", ApiPaths.BASE + "/openapi.json");

    private final DirectorySource directory;

    public ApiKeyFilter(DirectorySource directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // Decoded and without matrix parameters: the path as Jersey will match it, so that
        // "/api/manager/v1;x=1/..." or "/api/%6Danager/..." cannot route to the API unchecked.
        String path = request.getUriInfo().getPathSegments(true).stream()
                .map(PathSegment::getPath)
                .collect(Collectors.joining("/", "/", ""));
        if (!ApiPaths.isUnderApi(path) || PUBLIC_PATHS.contains(path)) {
            return;
        }
        List<String> keys = request.getHeaders().get(HEADER);
        // Two keys in one request are ambiguous; refusing is safer than guessing which one counts.
        if (keys == null || keys.size() != 1 || keys.get(0).isEmpty()) {
            throw new UnauthenticatedException();
        }
        Manager manager = directory.current().authenticate(keys.get(0)).orElseThrow(UnauthenticatedException::new);
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(manager, secure));
    }

    /** The authenticated manager, where JAX-RS expects to find the caller. */
    record CallerContext(Manager manager, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return manager;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "RIALTO_API_KEY";
        }
    }
}
