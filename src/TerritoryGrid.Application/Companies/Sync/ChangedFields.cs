using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Companies.Sync;

/// <summary>
/// Which attributes of a territory, rep or account differ between the company and a CRM export, by their names in the
/// company format. Alignment (territory, owner) is not an attribute: it is a move. An account's funnel stage follows its
/// activity, not the export, and an orphaned flag is the system's own: neither is compared.
/// </summary>
internal static class ChangedFields
{
    public static List<string> Of(TerritoryDefinition before, TerritoryDefinition after)
    {
        var fields = new List<string>();
        Check(fields, "name", before.Name, after.Name);
        Check(fields, "region", before.Region, after.Region);
        Check(fields, "annualQuota", before.AnnualQuota, after.AnnualQuota);
        return fields;
    }

    public static List<string> Of(RepDefinition before, RepDefinition after)
    {
        var fields = new List<string>();
        Check(fields, "name", before.Name, after.Name);
        Check(fields, "role", before.Role, after.Role);
        Check(fields, "home", before.Home, after.Home);
        Check(fields, "sellingHoursPerWeek", before.SellingHoursPerWeek, after.SellingHoursPerWeek);
        Check(fields, "availability", before.Availability, after.Availability);
        Check(fields, "experienceYears", before.ExperienceYears, after.ExperienceYears);
        Check(fields, "annualQuota", before.AnnualQuota, after.AnnualQuota);
        Check(fields, "startDate", before.StartDate, after.StartDate);
        return fields;
    }

    public static List<string> Of(AccountDefinition before, AccountDefinition after)
    {
        var fields = new List<string>();
        Check(fields, "name", before.Name, after.Name);
        Check(fields, "industry", before.Industry, after.Industry);
        Check(fields, "city", before.City, after.City);
        Check(fields, "location", before.Location, after.Location);
        Check(fields, "annualRevenue", before.AnnualRevenue, after.AnnualRevenue);
        Check(fields, "annualCostToServe", before.AnnualCostToServe, after.AnnualCostToServe);
        Check(fields, "revenuePotential", before.RevenuePotential, after.RevenuePotential);
        Check(fields, "segment", before.Segment, after.Segment);
        Check(fields, "employees", before.Employees, after.Employees);
        return fields;
    }

    private static void Check<T>(List<string> fields, string name, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            fields.Add(name);
        }
    }
}
