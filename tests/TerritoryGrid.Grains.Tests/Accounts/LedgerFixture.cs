using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Grains.Accounts;

namespace TerritoryGrid.Grains.Tests.Accounts;

/// <summary>An account ledger set up as a B account owned by rep r1, plan started 2026-01-01.</summary>
internal static class LedgerFixture
{
    public static readonly DateTimeOffset PlanStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static AccountLedger NewLedger(MetricsOptions? options = null, Segment segment = Segment.B) =>
        new(new AccountState
        {
            Setup = new AccountSetup("Acme", "t1", "r1", segment, FunnelStage.Customer, "Retail", "Springfield",
                40, -75, 20, 100_000, 20_000, 130_000, PlanStart),
            Stage = FunnelStage.Customer,
        }, options ?? new MetricsOptions());

    public static ActivityEvent Event(string id, ActivityKind kind, int day, string? rep = "r1", double amount = 0,
        string? reference = null, int? score = null, double cost = 0, string? product = null) =>
        new(id, kind, PlanStart.AddDays(day), "a1", rep, amount, cost, 0, 0, reference, product, score);
}
