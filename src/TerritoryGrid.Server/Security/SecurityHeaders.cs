namespace TerritoryGrid.Server.Security;

/// <summary>
/// Headers every response carries. The dashboard runs under a Content-Security-Policy with no inline script or style
/// and nothing from another origin (it serves everything itself). The Orleans operators' dashboard under /orleans
/// ships inline scripts, so it gets the other headers but not that policy.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseTerritoryGridSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (!context.Request.Path.StartsWithSegments("/orleans"))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
            }

            return next(context);
        });
}
