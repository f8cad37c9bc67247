namespace TerritoryGrid.Server.Api;

internal static class WorkspaceHeader
{
    /// <summary>Every workspace-scoped response names its workspace in this header as well as in its body.</summary>
    public const string Name = "X-TerritoryGrid-Workspace";

    public static void Set(HttpContext context, string workspace) => context.Response.Headers[Name] = workspace;
}
