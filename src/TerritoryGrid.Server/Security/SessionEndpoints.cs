using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TerritoryGrid.Server.Security;

/// <summary>
/// The dashboard's sign-in: the user types an API key once; the server answers with an encrypted, HttpOnly,
/// SameSite=Strict session cookie (Data Protection, whose keys every front end shares), so the page, its SignalR
/// connection and the Orleans dashboard never carry the key itself.
/// </summary>
internal static class SessionEndpoints
{
    public sealed record SignIn(string Key);

    public sealed record Session(string Name, string Role);

    public static IEndpointRouteBuilder MapTerritoryGridSession(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/api/session").WithTags("Session");
        session.MapPost("/", SignInAsync).AllowAnonymous()
            .WithSummary("Sign in with an API key: sets the dashboard's session cookie (any role)")
            .Produces<Session>().ProducesProblem(StatusCodes.Status401Unauthorized);
        session.MapGet("/", Current).RequireAuthorization()
            .WithSummary("Who is signed in (any role)").Produces<Session>();
        session.MapDelete("/", (Delegate)SignOutAsync).AllowAnonymous()
            .WithSummary("Sign out: clears the session cookie").Produces(StatusCodes.Status204NoContent);
        return app;
    }

    private static async Task<Results<Ok<Session>, ProblemHttpResult>> SignInAsync(SignIn request, ApiKeyStore keys, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Key) || keys.Find(request.Key.Trim()) is not { } entry)
        {
            return TypedResults.Problem(detail: "the API key is not known (revoked, or mistyped)", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        var identity = CallerScope.IdentityOf(entry, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.Ok(new Session(entry.Name, entry.Role));
    }

    private static Ok<Session> Current(ClaimsPrincipal user) =>
        TypedResults.Ok(new Session(user.Identity?.Name ?? "", user.FindFirstValue(ClaimTypes.Role) ?? ""));

    private static async Task<NoContent> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }
}
