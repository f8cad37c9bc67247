using System.Text.RegularExpressions;

namespace TerritoryGrid.Application.Companies;

/// <summary>Workspace names: "live" for the live company; any other name is a sandbox.</summary>
public static partial class WorkspaceName
{
    public const string Live = "live";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    public const string Rule = "1 to 40 lower-case letters, digits or '-', starting with a letter or digit";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Pattern();
}
