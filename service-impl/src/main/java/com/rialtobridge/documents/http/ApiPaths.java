package com.rialtobridge.documents.http;

/** Where the contract's operations live: the path of every server URL in openapi/rialto-manager-api.yaml. */
public final class ApiPaths {

    /** The base path of the Rialto Manager API; a test holds it against the contract's servers. */
    public static final String BASE = "/api/manager/v1";

    private ApiPaths() {
    }

    /** Whether a request path (starting with '/') is under the API and so needs an API key. */
    static boolean isUnderApi(String path) {
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }
}
