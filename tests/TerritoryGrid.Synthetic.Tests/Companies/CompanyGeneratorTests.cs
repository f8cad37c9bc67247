using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Synthetic.Companies;
using TerritoryGrid.Synthetic.History;

namespace TerritoryGrid.Synthetic.Tests.Companies;

public sealed class CompanyGeneratorTests
{
    private static readonly CompanyDefinition Company = DemoCompany.Company;

    [Fact]
    public void Generate_DefaultSpec_HasTheRequestedSizeAndIsValid()
    {
        Assert.Equal((20, 400, 20_000), (Company.Territories.Count, Company.Reps.Count, Company.Accounts.Count));
        Assert.Empty(CompanyValidator.Validate(Company));
        Assert.All(Company.Accounts, a => Assert.NotNull(a.OwnerRepId));
    }

    [Fact]
    public void Generate_SameSpecTwice_IsIdentical_AndAnotherSeedDiffers()
    {
        var again = CompanyGenerator.Generate(DemoCompany.Spec);
        var other = CompanyGenerator.Generate(DemoCompany.Spec with { Seed = 42 });

        Assert.Equal(Company.Accounts, again.Accounts);
        Assert.Equal(Company.Reps, again.Reps);
        Assert.Equal(Company.Territories, again.Territories);
        Assert.NotEqual(Company.Accounts.Select(a => a.Name), other.Accounts.Select(a => a.Name));
    }

    [Fact]
    public void Generate_ValueIsPareto_TopFifthHoldsMostOfTheProfit()
    {
        var profits = Company.Accounts.Select(a => a.AnnualRevenue - a.AnnualCostToServe).OrderDescending().ToList();
        var topFifth = profits.Take(profits.Count / 5).Sum();

        Assert.InRange(topFifth / profits.Sum(), 0.70, 0.92);
    }

    [Fact]
    public void Generate_AAccountsAreOwnedByOutsideRepsAndBCByInsideReps()
    {
        var roles = Company.Reps.ToDictionary(r => r.Id, r => r.Role);

        Assert.All(Company.Accounts, a => Assert.Equal(a.Segment == Segment.A ? RepRole.Outside : RepRole.Inside, roles[a.OwnerRepId!]));
        Assert.All(Company.Territories, t =>
        {
            Assert.Contains(Company.Reps, r => r.TerritoryId == t.Id && r.Role == RepRole.Outside);
            Assert.Contains(Company.Reps, r => r.TerritoryId == t.Id && r.Role == RepRole.Inside);
        });
    }

    [Fact]
    public void Generate_LargestAccountOfEachTerritoryIsNotOwnedByARampingRep()
    {
        var experience = Company.Reps.ToDictionary(r => r.Id, r => r.ExperienceYears);

        Assert.All(Company.Accounts.GroupBy(a => a.TerritoryId), territory =>
        {
            var largest = territory.MaxBy(a => (a.AnnualRevenue - a.AnnualCostToServe, a.Id))!;
            Assert.True(experience[largest.OwnerRepId!] >= 1, $"{largest.Id} is owned by a rep with {experience[largest.OwnerRepId!]} years");
        });
    }

    [Fact]
    public void Generate_CompanyIsCoveredWhileTerritoriesStartUnbalanced()
    {
        var metrics = new MetricsOptions();
        var reps = Company.Reps.ToDictionary(r => r.Id);
        var coverage = Company.Territories.ToDictionary(t => t.Id, t =>
        {
            var capacity = Company.Reps.Where(r => r.TerritoryId == t.Id).Sum(r => Workload.CapacityHoursPerWeek(r.SellingHoursPerWeek!.Value, r.Availability));
            var demand = Company.Accounts.Where(a => a.TerritoryId == t.Id).Sum(a =>
                CompanyGenerator.AccountDemand(a, reps[a.OwnerRepId!].Home, metrics) + Catalogue.ExpectedFunnelHoursPerWeek(a.Industry, metrics.Workload));
            return (Capacity: capacity, Demand: demand);
        });

        var overall = coverage.Values.Sum(c => c.Capacity) / coverage.Values.Sum(c => c.Demand);
        Assert.InRange(overall, 0.99, 1.01);
        Assert.True(coverage.Values.Count(c => c.Capacity / c.Demand < 0.9) >= 2);
        Assert.True(coverage.Values.Count(c => c.Capacity / c.Demand > 1.25) >= 2);
        Assert.All(Company.Reps, r => Assert.InRange(r.SellingHoursPerWeek!.Value, 15, 50));
    }

    [Fact]
    public void Generate_AccountsClusterAroundTheirTerritorysCities()
    {
        Assert.All(Company.Accounts.GroupBy(a => a.TerritoryId), territory =>
        {
            var cities = territory.Select(a => a.City).Distinct().Count();
            Assert.InRange(cities, 3, 5);
            var latitudes = territory.Select(a => a.Location.Latitude).ToList();
            Assert.True(latitudes.Max() - latitudes.Min() < 4, "a territory spans less than ~450 km north to south");
        });
    }
}
