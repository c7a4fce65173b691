// Rialto Documents: Swagger UI on this service's own contract. Replaces the webjar's initializer.
window.onload = function () {
  var base = "/api/manager/v1";
  window.ui = SwaggerUIBundle({
    url: base + "/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    // The contract lists Rialto's own servers; "Try it out" must call the server that served this page.
    requestInterceptor: function (request) {
      var at = request.url.indexOf(base + "/");
      if (at >= 0) {
        request.url = window.location.origin + request.url.substring(at);
      }
      return request;
    }
  });
};
