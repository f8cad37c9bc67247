using System.Net;

namespace TerritoryGrid.Server.Tests.Operations;

/// <summary>The operators' Orleans Dashboard runs by default and can be switched off (it costs live ingest throughput).</summary>
public sealed class OrleansDashboardSwitchTests
{
    [Fact]
    public async Task The_dashboard_is_served_by_default()
    {
        await using var server = new ConfiguredServer([]);
        using var client = server.CreateClient();

        var page = await client.GetAsync("/orleans/");
        var counters = await client.GetAsync("/orleans/DashboardCounters");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
    }

    [Fact]
    public async Task Switched_off_it_answers_why_and_the_rest_of_the_server_works()
    {
        await using var server = new ConfiguredServer([new("Orleans:Dashboard", "false")]);
        using var client = server.CreateClient();

        var page = await client.GetAsync("/orleans/");
        var counters = await client.GetAsync("/orleans/DashboardCounters");
        var health = await client.GetAsync("/api/workspaces");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Orleans:Dashboard=false", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, counters.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_sample_interval_under_a_second_is_refused_naming_the_setting_and_the_way_out()
    {
        await using var server = new ConfiguredServer([new("Orleans:DashboardSampleInterval", "00:00:00.500")]);

        var refusal = Assert.ThrowsAny<Exception>(() => server.CreateClient());

        var message = refusal.GetBaseException().Message;
        Assert.Contains("Orleans:DashboardSampleInterval is 00:00:00.5000000", message, StringComparison.Ordinal);
        Assert.Contains("00:00:01 or more, or Orleans:Dashboard to false", message, StringComparison.Ordinal);
    }
}
