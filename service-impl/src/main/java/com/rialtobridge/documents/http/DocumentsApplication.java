package com.rialtobridge.documents.http;

import com.rialtobridge.documents.access.DirectorySource;
import com.rialtobridge.documents.download.BatchDownloadService;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;

/**
 * The HTTP edge as one Jersey application, mounted at the server's root: the contract's operation
 * under {@link ApiPaths#BASE}, and whatever else the caller of this class registers (health, the
 * contract itself) beside it, all behind the same filters and the same error policy.
 */
public class DocumentsApplication extends ResourceConfig {

    public DocumentsApplication(BatchDownloadService downloads, DirectorySource directory) {
        this(downloads, directory, RequestBodyLimit.DEFAULT_MAX_BYTES);
    }

    /** @param maxBodyBytes the largest request body read; larger ones are refused without being buffered */
    public DocumentsApplication(BatchDownloadService downloads, DirectorySource directory, long maxBodyBytes) {
        // The generated interface's @Path is relative to the API's base path, which lives in the
        // contract's server URLs rather than in any annotation: mount it there.
        Resource generated = Resource.from(DocumentsResource.class);
        registerResources(Resource.builder(generated).path(ApiPaths.BASE + generated.getPath()).build());
        // Read now, so that a build without the contract fails the start rather than a request.
        ContractResource contract = new ContractResource();
        registerResources(Resource.from(ContractResource.class));
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(downloads).to(BatchDownloadService.class);
                bind(contract).to(ContractResource.class);
            }
        });
        register(new RequestIds());
        register(new RequestLogContext());
        register(new AccessLog());
        register(new ApiKeyFilter(directory));
        register(new RequestBodyLimit(maxBodyBytes));
        register(new NoStore());
        // Jackson's own exception mappers answer text/plain with library messages; ours answer problem+json.
        register(JacksonFeature.withoutExceptionMappers());
        register(JsonMapperProvider.class);
        register(ProblemMapper.class);
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // Without this, Jersey sends errors through the container's sendError, which drops our JSON body.
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    }
}
