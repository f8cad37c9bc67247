using TerritoryGrid.Domain.Company;
using TerritoryGrid.Synthetic.Companies;

namespace TerritoryGrid.Synthetic.Tests;

/// <summary>The default demo company, generated once for the tests that only read it.</summary>
internal static class DemoCompany
{
    public static readonly CompanySpec Spec = new();

    public static CompanyDefinition Company { get; } = CompanyGenerator.Generate(Spec);
}
