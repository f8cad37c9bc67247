using TerritoryGrid.Server.Security;
using Orleans.Dashboard;
using TerritoryGrid.Grains.Notifications;
using TerritoryGrid.Server.Dashboard;
using TerritoryGrid.Server.Hosting;

namespace Microsoft.AspNetCore.Builder;

public static class DashboardExtensions
{
    /// <summary>Connection string naming the Redis server that carries SignalR frames between front ends.</summary>
    public const string RedisConnectionName = "Redis";

    /// <summary>SignalR, the frame pusher as the grains' change sink, and the Orleans operators' dashboard.</summary>
    public static WebApplicationBuilder AddTerritoryGridDashboard(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR()
            .AddJsonProtocol(options => TerritoryGrid.Application.TerritoryGridJson.Configure(options.PayloadSerializerOptions));
        if (builder.Configuration.GetConnectionString(RedisConnectionName) is { Length: > 0 } redis)
        {
            // Several front ends: a frame sent by the silo hosting a territory reaches browsers connected to any of them.
            signalR.AddStackExchangeRedis(redis, options =>
                options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("territorygrid"));
        }
        builder.Services.AddSingleton<DashboardPusher>();
        builder.Services.Configure<TerritoryGrid.Server.Alerts.WebhookOptions>(builder.Configuration.GetSection(TerritoryGrid.Server.Alerts.WebhookOptions.SectionName));
        builder.Services.AddHttpClient(nameof(TerritoryGrid.Server.Alerts.WebhookNotifier), client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<TerritoryGrid.Server.Alerts.WebhookNotifier>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TerritoryGrid.Server.Alerts.WebhookNotifier>());
        builder.Services.AddSingleton<ITerritoryChangeSink, TerritoryGrid.Server.Alerts.ChangeSinks>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DashboardPusher>());
        return builder;
    }

    /// <summary>Serves the dashboard at "/" (static files built into wwwroot), the hub, and the Orleans dashboard at "/orleans".</summary>
    public static WebApplication MapTerritoryGridDashboard(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        // Long-lived connections: no request timeout.
        app.MapHub<TerritoryHub>(TerritoryHub.Path).RequireRole(Roles.Viewer).DisableRequestTimeout();
        var hosting = OrleansHostingOptions.From(app.Configuration);
        if (hosting.Dashboard)
        {
            app.MapOrleansDashboard(routePrefix: "/orleans").RequireRole(Roles.Admin).DisableRequestTimeout();
        }
        else
        {
            app.MapGet("/orleans/{**rest}", () => Results.Text(
                "The Orleans Dashboard is switched off on this server (Orleans:Dashboard=false).", "text/plain", statusCode: StatusCodes.Status404NotFound));
        }

        return app;
    }
}
