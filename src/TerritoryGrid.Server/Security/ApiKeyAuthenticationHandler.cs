using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TerritoryGrid.Server.Security;

/// <summary>
/// Authenticates a request by its API key: "Authorization: Bearer KEY" or "X-Api-Key: KEY"; for the SignalR hub also
/// the "access_token" query parameter, the only way a browser's WebSocket can carry it.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = PresentedKey();
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(key) is not { } entry)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        var identity = CallerScope.IdentityOf(entry, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => WriteUnauthorizedAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => WriteForbiddenAsync(Context);

    public static bool PresentsKey(HttpRequest request) => KeyOf(request) is not null;

    public static Task WriteUnauthorizedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return context.Response.WriteAsJsonAsync(new
        {
            title = "Unauthorized",
            status = 401,
            detail = KeyOf(context.Request) is null
                ? $"an API key is required: send 'Authorization: Bearer <key>' or '{HeaderName}: <key>', or sign in (POST /api/session)"
                : "the API key is not known (revoked, or mistyped)",
        });
    }

    public static Task WriteForbiddenAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = context.User.FindFirstValue(ClaimTypes.Role);
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiredRole>()?.Role;
        return context.Response.WriteAsJsonAsync(new
        {
            title = "Forbidden",
            status = 403,
            detail = required is null ? $"role '{role}' may not do this" : $"this needs role {required} (or one that includes it); the caller has role '{role}'",
        });
    }

    private string? PresentedKey() => KeyOf(Request);

    private static string? KeyOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }

        return request.Path.StartsWithSegments(Dashboard.TerritoryHub.Path) && request.Query.TryGetValue("access_token", out var token)
            ? token.ToString()
            : null;
    }
}

/// <summary>The role an endpoint requires, as metadata (for the 403 message and the OpenAPI document).</summary>
public sealed record RequiredRole(string Role);
