using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Grains.Tests.Cluster;

namespace TerritoryGrid.Grains.Tests.Territories;

[Collection(ClusterCollection.Name)]
public sealed class WorkspaceTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Ingest_IntoSandbox_LeavesTheSameCompanyInAnotherWorkspaceUntouched()
    {
        var company = TestCompany.Create(1, 1, 3);
        await cluster.Loader.LoadAsync("iso-live", company);
        var sandbox = await cluster.Loader.LoadAsync("iso-sandbox", company);

        await cluster.Ingestor.IngestAsync("iso-sandbox", [new ActivityEvent("o", ActivityKind.Order, TestCompany.PlanStart.AddDays(1), "t0-a0", Amount: 99)]);

        Assert.Equal(WorkspaceKind.Sandbox, sandbox.Workspace!.Kind);
        var inSandbox = await Eventually.Get(() => cluster.Reader.TerritoryAsync("iso-sandbox", "t0"), d => d!.Territory.Totals.Revenue == 99);
        Assert.Equal(99, inSandbox!.Territory.Totals.Revenue);
        Assert.Equal(0, (await cluster.Reader.TerritoryAsync("iso-live", "t0"))!.Territory.Totals.Revenue);
    }

    [Fact]
    public async Task LoadAsync_ReplacingACompany_StartsANewGenerationWithItsOwnMetrics()
    {
        const string workspace = "replace";
        var first = await cluster.Loader.LoadAsync(workspace, TestCompany.Create(1, 1, 2));
        await cluster.Ingestor.IngestAsync(workspace, [new ActivityEvent("o", ActivityKind.Order, TestCompany.PlanStart.AddDays(1), "t0-a0", Amount: 5)]);
        await Eventually.Get(() => cluster.Reader.TerritoryAsync(workspace, "t0"), d => d!.Territory.Totals.Revenue == 5);

        var second = await cluster.Loader.LoadAsync(workspace, TestCompany.Create(2, 1, 2));

        Assert.Equal(first.Workspace!.Generation + 1, second.Workspace!.Generation);
        Assert.Equal(2, (await cluster.Reader.TerritoriesAsync(workspace)).Count);
        Assert.Equal(0, (await cluster.Reader.TerritoryAsync(workspace, "t0"))!.Territory.Totals.Revenue);
    }

    [Fact]
    public async Task LoadAsync_InvalidCompany_AppliesNothingAndNamesEveryProblem()
    {
        var company = TestCompany.Create(1, 1, 2);
        company = company with { Accounts = [.. company.Accounts, company.Accounts[0] with { TerritoryId = "nowhere" }] };

        var result = await cluster.Loader.LoadAsync("invalid-company", company);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e is { Entity: "account", Id: "t0-a0", Field: "territoryId" } && e.Message.Contains("two territories"));
        Assert.Contains(result.Errors, e => e is { Entity: "account", Field: "territoryId" } && e.Message == "unknown territory 'nowhere'");
        Assert.False((await cluster.Grains.GetGrain<Contracts.Grains.IWorkspaceGrain>("invalid-company").GetInfo()).HasCompany);
    }
}
