using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using TerritoryGrid.Application.Companies;

namespace TerritoryGrid.Server.Security;

/// <summary>
/// Writing a workspace's company, activity or roster: the ingest role anywhere (a CRM integration); a planner too, but
/// only in a sandbox (what-if runs and stress tests), never in the live workspace.
/// </summary>
public sealed class WorkspaceWriteRequirement : IAuthorizationRequirement, IAuthorizationHandler
{
    public const string Description = "ingest (or planner, in a sandbox workspace)";

    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        var role = context.User.FindFirstValue(ClaimTypes.Role);
        var workspace = (context.Resource as HttpContext)?.GetRouteValue("workspace") as string;
        if (role is Roles.Ingest or Roles.Admin || (role == Roles.Planner && workspace is not null && workspace != WorkspaceName.Live))
        {
            context.Succeed(this);
        }

        return Task.CompletedTask;
    }
}
