using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace TerritoryGrid.Server.Security;

/// <summary>
/// A session cookie is only as good as the key it was opened with: revoking the key ends its sessions at their next
/// request, and a key's changed role or scope applies to them at once (the cookie would otherwise carry the old claims
/// for up to 8 hours).
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeyStore>();
        var hash = context.Principal?.FindFirstValue(CallerScope.KeyClaim);
        if (hash is null || keys.FindByHash(hash) is not { } entry)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        var fresh = CallerScope.IdentityOf(entry, CookieAuthenticationDefaults.AuthenticationScheme);
        if (!Claims(fresh).SetEquals(Claims(context.Principal!.Identities.First())))
        {
            context.ReplacePrincipal(new ClaimsPrincipal(fresh));
            context.ShouldRenew = true;
        }
    }

    private static HashSet<(string, string)> Claims(ClaimsIdentity identity) => [.. identity.Claims.Select(c => (c.Type, c.Value))];
}
