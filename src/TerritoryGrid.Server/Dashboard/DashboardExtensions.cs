using Orleans.Dashboard;
using TerritoryGrid.Grains.Notifications;
using TerritoryGrid.Server.Dashboard;

namespace Microsoft.AspNetCore.Builder;

public static class DashboardExtensions
{
    /// <summary>SignalR, the frame pusher as the grains' change sink, and the Orleans operators' dashboard.</summary>
    public static WebApplicationBuilder AddTerritoryGridDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddJsonProtocol(options => TerritoryGrid.Application.TerritoryGridJson.Configure(options.PayloadSerializerOptions));
        builder.Services.AddSingleton<DashboardPusher>();
        builder.Services.AddSingleton<ITerritoryChangeSink>(sp => sp.GetRequiredService<DashboardPusher>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DashboardPusher>());
        return builder;
    }

    /// <summary>Serves the dashboard at "/" (static files built into wwwroot), the hub, and the Orleans dashboard at "/orleans".</summary>
    public static WebApplication MapTerritoryGridDashboard(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHub<TerritoryHub>(TerritoryHub.Path);
        app.MapOrleansDashboard(routePrefix: "/orleans");
        return app;
    }
}
