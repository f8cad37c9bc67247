namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Puts the workspace — and the territory, rep, account, plan or stress test — a request names in its route into the
/// log scope of everything logged while it runs, beside ASP.NET Core's request id and trace id, so one workspace's or
/// territory's log lines can be found together (the console shows scopes; set Logging:Console:FormatterName=json for
/// structured output).
/// </summary>
public static class LogScopeExtensions
{
    private static readonly string[] ScopedRouteValues = ["workspace", "territoryId", "repId", "accountId", "planId", "testId"];

    public static WebApplication UseTerritoryGridLogScopes(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TerritoryGrid.Requests");
        app.Use(async (context, next) =>
        {
            var routeValues = context.Request.RouteValues;
            var named = ScopedRouteValues.Where(routeValues.ContainsKey)
                .Select(name => new KeyValuePair<string, object?>(name, routeValues[name])).ToList();
            if (named.Count == 0)
            {
                await next(context);
                return;
            }

            using (logger.BeginScope(named))
            {
                await next(context);
            }
        });
        return app;
    }
}
