using System.Net;

namespace TerritoryGrid.Server.Tests.History;

/// <summary>
/// Opportunity snapshots and other history through POST …/activity/csv: stable event ids make a second import of the
/// same file change nothing and a later snapshot add exactly its new stages, checked on account and territory totals.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HistoryImportTests(ServerFixture server)
{
    private const string Snapshot1 = "territorygrid-opportunities-snapshot-1.csv";
    private const string Snapshot2 = "territorygrid-opportunities-snapshot-2.csv";

    [Fact]
    public async Task SameOpportunitiesFile_ImportedTwice_CountsOnce()
    {
        using var http = server.CreateClient();
        var history = new HistoryClient(http, "history-twice");
        await history.LoadCompanyAsync();

        var (firstStatus, first) = await history.ImportAsync("territorygrid", ("opportunities", Snapshot1));
        var loaded = new[] { await history.FunnelAsync("A"), await history.FunnelAsync("B"), await history.FunnelAsync("C") };
        var (secondStatus, second) = await history.ImportAsync("territorygrid", ("opportunities", Snapshot1));

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal("rows 6, rejected 0, events 13, accepted 13, late 0, duplicates 0, older 0, not applied 0",
            HistoryClient.Counts(HistoryClient.File(first, "opportunities")));
        Assert.Equal(
            [
                "leads 2, opportunities 1, wins 0, losses 0, won 0, revenue 0, cost 0, touches 0",
                "leads 2, opportunities 2, wins 1, losses 0, won 12000, revenue 0, cost 0, touches 0",
                "leads 2, opportunities 1, wins 1, losses 0, won 3000, revenue 0, cost 0, touches 0",
            ],
            loaded);

        // The second time nothing is accepted: recent events are recognised as duplicates; those more than 90 days before
        // their account's latest event (o2 in March, o4 in January) are refused as older than the duplicate horizon.
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.Equal("rows 6, rejected 0, events 13, accepted 0, late 0, duplicates 8, older 5, not applied 0",
            HistoryClient.Counts(HistoryClient.File(second, "opportunities")));
        Assert.Contains("already loaded and counted once", second["notes"]![0]!.ToString());
        Assert.Equal(loaded, new[] { await history.FunnelAsync("A"), await history.FunnelAsync("B"), await history.FunnelAsync("C") });
    }

    [Fact]
    public async Task LaterSnapshot_WithStageChanges_AddsExactlyTheNewEvents()
    {
        using var http = server.CreateClient();
        var history = new HistoryClient(http, "history-later");
        await history.LoadCompanyAsync();
        await history.ImportAsync("territorygrid", ("opportunities", Snapshot1));

        var (status, later) = await history.ImportAsync("territorygrid", ("opportunities", Snapshot2));

        // New: o1 qualified, o2 won, o7 (lead, qualified, lost). o5 went from won to lost: a notice, not applied.
        Assert.Equal(HttpStatusCode.OK, status);
        var file = HistoryClient.File(later, "opportunities");
        Assert.Equal("rows 7, rejected 0, events 18, accepted 5, late 0, duplicates 7, older 5, not applied 1", HistoryClient.Counts(file));
        Assert.Empty(HistoryClient.Issues(file));
        var notice = Assert.Single(HistoryClient.Issues(file, "notices"));
        Assert.StartsWith("6/opp:o5:lost: the opportunity was already loaded as won", notice);
        Assert.Equal("leads 2, opportunities 2, wins 1, losses 0, won 5000, revenue 0, cost 0, touches 0", await history.FunnelAsync("A"));
        Assert.Equal("leads 2, opportunities 2, wins 1, losses 0, won 12000, revenue 0, cost 0, touches 0", await history.FunnelAsync("B"));
        Assert.Equal("leads 3, opportunities 2, wins 1, losses 1, won 3000, revenue 0, cost 0, touches 0", await history.FunnelAsync("C"));
        var central = await history.TerritoryTotalsAsync("central", t => (int)t["losses"]! == 1);
        Assert.Equal((3, 2, 1, 1), ((int)central["leads"]!, (int)central["opportunities"]!, (int)central["wins"]!, (int)central["losses"]!));
    }

    /// <summary>
    /// Orders and touches from January, sent with an opportunity won in November: merged into one time order they all
    /// load; posted file by file, January would be more than 90 days before the win and refused.
    /// </summary>
    [Fact]
    public async Task OrdersAndActivities_SentWithOpportunities_AllLoadInEventTimeOrder()
    {
        using var http = server.CreateClient();
        var history = new HistoryClient(http, "history-year");
        await history.LoadCompanyAsync();

        var (status, body) = await history.ImportAsync("territorygrid",
            ("opportunities", "territorygrid-opportunities-year-end.csv"), ("orders", "territorygrid-orders.csv"), ("activities", "territorygrid-activities.csv"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("rows 1, rejected 0, events 3, accepted 3, late 0, duplicates 0, older 0, not applied 0", HistoryClient.Counts(HistoryClient.File(body, "opportunities")));
        Assert.Equal("rows 4, rejected 0, events 4, accepted 4, late 0, duplicates 0, older 0, not applied 0", HistoryClient.Counts(HistoryClient.File(body, "orders")));
        Assert.Equal("rows 4, rejected 0, events 4, accepted 4, late 0, duplicates 0, older 0, not applied 0", HistoryClient.Counts(HistoryClient.File(body, "activities")));
        Assert.Equal("leads 1, opportunities 1, wins 1, losses 0, won 9000, revenue 2500, cost 500, touches 2", await history.FunnelAsync("A"));
        Assert.Equal("leads 0, opportunities 0, wins 0, losses 0, won 0, revenue 2500, cost 100, touches 2", await history.FunnelAsync("B"));
    }
}
