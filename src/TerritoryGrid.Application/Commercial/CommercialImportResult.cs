using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Commercial;

/// <summary>
/// The answer to a quota or catalogue import: how many were applied and the workspace's terms after it, or, when any
/// input was wrong, nothing applied and every problem (at most 200 listed, then how many more).
/// </summary>
public sealed record CommercialImportResult(
    string Workspace, int Imported, IReadOnlyList<ValidationError> Errors, int MoreErrors, CommercialTermsView? Terms)
{
    public const int MaxListed = 200;

    public bool Succeeded => Errors.Count == 0;

    /// <summary>The errors in the order of the input (by line or index), whichever check found them.</summary>
    public static CommercialImportResult Failed(string workspace, List<ValidationError> errors) =>
        new(workspace, 0, [.. errors.OrderBy(Position).Take(MaxListed)], Math.Max(0, errors.Count - MaxListed), null);

    private static int Position(ValidationError error) =>
        int.TryParse(error.Id.AsSpan(error.Id.StartsWith("line ", StringComparison.Ordinal) ? 5 : error.Id.StartsWith('#') ? 1 : error.Id.Length),
            System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position) ? position : -1;
}
