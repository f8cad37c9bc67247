using TerritoryGrid.Server.Demo;

namespace Microsoft.AspNetCore.Builder;

public static class DemoCompanyExtensions
{
    /// <summary>Seeds an empty live workspace with the demo company when "DemoCompany:Enabled" (default: in Development).</summary>
    public static WebApplicationBuilder AddDemoCompany(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoCompanyOptions>().BindConfiguration(DemoCompanyOptions.SectionName);
        builder.Services.AddHostedService<DemoCompanySeeder>();
        return builder;
    }
}
