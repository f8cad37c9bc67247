using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Synthetic.Companies;
using TerritoryGrid.Synthetic.History;

namespace TerritoryGrid.Synthetic.Tests.History;

public sealed class HistoryGeneratorTests
{
    private static readonly DateTimeOffset From = DemoCompany.Spec.PlanStart;
    private static readonly HistorySpec Spec = new(From, From.AddDays(56), Seed: 3);
    private static readonly IReadOnlyList<ActivityEvent> Events = HistoryGenerator.Generate(DemoCompany.Company, Spec);

    [Fact]
    public void Generate_EventsAreOrderedUniqueAndInsideThePeriod()
    {
        Assert.True(Events.Count > 50_000);
        Assert.Equal(Events.OrderBy(e => e.OccurredAt), Events);
        Assert.Equal(Events.Count, Events.Select(e => e.Id).Distinct().Count());
        Assert.All(Events, e => Assert.InRange(e.OccurredAt, Spec.From, Spec.To.AddTicks(-1)));
    }

    [Fact]
    public void Generate_EveryEventNamesAnAccountAndARepOfItsTerritory()
    {
        var accounts = DemoCompany.Company.Accounts.ToDictionary(a => a.Id);
        var reps = DemoCompany.Company.Reps.ToDictionary(r => r.Id);

        Assert.All(Events, e =>
        {
            Assert.True(accounts.ContainsKey(e.AccountId));
            if (e.RepId is not null)
            {
                Assert.Equal(accounts[e.AccountId].TerritoryId, reps[e.RepId].TerritoryId);
            }

            Assert.True(e.Amount >= 0 && e.Cost >= 0);
            Assert.Equal(e.Kind == ActivityKind.NpsAnswer, e.Score is not null);
        });
    }

    [Fact]
    public void Generate_SameInputsTwice_GiveTheSameEvents()
    {
        var again = HistoryGenerator.Generate(DemoCompany.Company, Spec);

        Assert.Equal(Events, again);
    }

    [Fact]
    public void Generate_TerritoryShortOfCapacity_DeliversASmallerShareOfItsCallPlan()
    {
        var metrics = new MetricsOptions();
        var delivered = Events.Where(e => e.Kind.TouchChannel() is not null).GroupBy(e => e.AccountId).ToDictionary(g => g.Key, g => g.Count());
        var share = DemoCompany.Company.Accounts.GroupBy(a => a.TerritoryId).ToDictionary(g => g.Key, g =>
        {
            var required = g.Sum(a => metrics.CallPatterns.For(a.Segment!.Value).TouchesPer4Weeks * 2.0);
            return g.Sum(a => delivered.GetValueOrDefault(a.Id)) / required;
        });
        var rates = DemoCompany.Company.Territories.ToDictionary(t => t.Id, t => Coverage(t.Id));

        var starved = rates.Where(r => r.Value < 0.85).Select(r => share[r.Key]).Average();
        var staffed = rates.Where(r => r.Value > 1.2).Select(r => share[r.Key]).Average();
        Assert.True(starved < staffed - 0.1, $"starved territories delivered {starved:P0} of their plan, staffed ones {staffed:P0}");
    }

    [Fact]
    public void Generate_LeadsCloseAsOpportunitiesOrDisqualifications()
    {
        var leads = Events.Where(e => e.Kind == ActivityKind.LeadCreated).Select(e => e.ReferenceId).ToHashSet();
        var closed = Events.Where(e => e.Kind is ActivityKind.LeadQualified or ActivityKind.LeadDisqualified).ToList();

        Assert.All(closed, e => Assert.Contains(e.ReferenceId, leads));
        Assert.Equal(closed.Count, closed.Select(e => e.ReferenceId).Distinct().Count());
        Assert.InRange(Events.Count(e => e.Kind == ActivityKind.LeadQualified) / (double)leads.Count, 0.3, 0.5);
    }

    private static double Coverage(string territoryId)
    {
        var metrics = new MetricsOptions();
        var company = DemoCompany.Company;
        var reps = company.Reps.ToDictionary(r => r.Id);
        var capacity = company.Reps.Where(r => r.TerritoryId == territoryId).Sum(r => Workload.CapacityHoursPerWeek(r.SellingHoursPerWeek!.Value, r.Availability));
        var demand = company.Accounts.Where(a => a.TerritoryId == territoryId).Sum(a =>
            CompanyGenerator.AccountDemand(a, reps[a.OwnerRepId!].Home, metrics) + Catalogue.ExpectedFunnelHoursPerWeek(a.Industry, metrics.Workload));
        return capacity / demand;
    }
}
