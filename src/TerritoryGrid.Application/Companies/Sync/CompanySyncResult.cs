using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Companies.Sync;

/// <summary>
/// The answer to a CRM sync: every change by kind and id (<see cref="Changes"/>, in the order applied), how many of each
/// kind (<see cref="Counts"/>), and whether they were applied (<see cref="DryRun"/> false) at <see cref="EffectiveAt"/>
/// in event time (null when the export could not be read), making <see cref="AlignmentVersion"/>. An empty list: the export matches the company, nothing changed.
/// On failure, <see cref="Errors"/> (the export is invalid) or <see cref="Refusals"/> (accounts that cannot move at that
/// time): nothing was applied.
/// </summary>
public sealed record CompanySyncResult(
    string Workspace,
    bool DryRun,
    DateTimeOffset? EffectiveAt,
    int? AlignmentVersion,
    int Total,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<SyncChange> Changes,
    IReadOnlyList<ValidationError> Errors,
    IReadOnlyList<string> Refusals)
{
    public bool Succeeded => Errors.Count == 0 && Refusals.Count == 0;

    public static CompanySyncResult Of(string workspace, bool dryRun, DateTimeOffset effectiveAt, int? alignmentVersion, CompanyDiff diff) => new(
        workspace, dryRun, effectiveAt, alignmentVersion, diff.Changes.Count,
        diff.Changes.CountBy(c => c.Kind).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
        diff.Changes, [], []);

    public static CompanySyncResult Invalid(string workspace, DateTimeOffset? effectiveAt, IReadOnlyList<ValidationError> errors) =>
        new(workspace, true, effectiveAt, null, 0, new Dictionary<string, int>(), [], errors, []);

    public static CompanySyncResult Refused(string workspace, DateTimeOffset effectiveAt, CompanyDiff diff, IReadOnlyList<string> refusals) =>
        Of(workspace, true, effectiveAt, null, diff) with { Refusals = refusals };
}
