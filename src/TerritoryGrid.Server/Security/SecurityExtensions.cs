using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using TerritoryGrid.Server.Hosting;
using TerritoryGrid.Server.Security;

namespace Microsoft.AspNetCore.Builder;

public static class SecurityExtensions
{
    private const string CallerScheme = "Caller";

    /// <summary>API-key authentication and one authorization policy per role (named after the role).</summary>
    public static WebApplicationBuilder AddTerritoryGridSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ApiKeyOptions>(builder.Configuration.GetSection(ApiKeyOptions.SectionName));
        // Hub clients may carry their key in the URL; request logging must not write it, at any log level.
        builder.Services.AddAccessTokenRedaction();
        builder.Services.AddSingleton(sp =>
        {
            var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new();
            return ApiKeyStore.Load(
                sp.GetRequiredService<IOptions<ApiKeyOptions>>().Value,
                Path.Combine(storage.DataDirectory, "api-keys.json"),
                mayGenerate: storage.Provider != StorageProvider.Postgres,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("TerritoryGrid.Security"));
        });
        builder.Services.AddHostedService<ApiKeyReloader>();
        // A request that presents a key is judged by the key; otherwise by the dashboard's session cookie.
        builder.Services.AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, "API key or session", options => options.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.PresentsKey(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(options =>
            {
                options.Cookie.Name = "territorygrid.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                // An API answers with a status, never a redirect to a login page.
                options.Events.OnRedirectToLogin = context => ApiKeyAuthenticationHandler.WriteUnauthorizedAsync(context.HttpContext);
                options.Events.OnRedirectToAccessDenied = context => ApiKeyAuthenticationHandler.WriteForbiddenAsync(context.HttpContext);
                options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            });
        builder.Services.AddAuthorization(options =>
        {
            foreach (var role in Roles.All.Where(r => r != Roles.Ingest))
            {
                options.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Satisfying(role)));
            }

            options.AddPolicy(Roles.Ingest, policy => policy.RequireAuthenticatedUser().AddRequirements(new WorkspaceWriteRequirement()));
        });
        return builder;
    }

    /// <summary>Checks the keys at start-up (a bad key entry stops the server with its location, and the admin key is generated now).</summary>
    public static WebApplication UseTerritoryGridSecurity(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<ApiKeyStore>();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Requires <paramref name="role"/> (or a role that includes it) and records it for the 403 message and the OpenAPI document.</summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder endpoint, string role) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(role).WithMetadata(new RequiredRole(role == Roles.Ingest ? WorkspaceWriteRequirement.Description : role));
}
