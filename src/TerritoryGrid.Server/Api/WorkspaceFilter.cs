using TerritoryGrid.Application.Ingest;

namespace TerritoryGrid.Server.Api;

/// <summary>Checks the {workspace} route value, names it in the response header, and turns "no company" into a 404.</summary>
internal sealed class WorkspaceFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.RouteValues.TryGetValue("workspace", out var value) && value is string workspace)
        {
            if (ApiErrors.CheckWorkspace(workspace) is { } invalid)
            {
                return invalid;
            }

            WorkspaceHeader.Set(context.HttpContext, workspace);
        }

        try
        {
            return await next(context);
        }
        catch (WorkspaceNotReadyException error)
        {
            return ApiErrors.NotFound(error.Message);
        }
    }
}
