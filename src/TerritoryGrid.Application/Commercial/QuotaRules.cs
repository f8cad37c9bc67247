using System.Globalization;
using TerritoryGrid.Contracts.Commercial;
using TerritoryGrid.Domain.Commercial;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Commercial;

/// <summary>
/// Checks quotas against the workspace's company and calendar: a known rep or territory, a fiscal period, an amount
/// from 0 to 1e15, one quota per owner and period in a file. Returns the quotas, or nothing and every problem.
/// </summary>
public static class QuotaRules
{
    public const double MaxAmount = 1e15;

    public static PeriodQuota[] Check(
        IReadOnlyList<QuotaInput> inputs, FiscalCalendar calendar, IReadOnlySet<string> repIds, IReadOnlySet<string> territoryIds,
        List<ValidationError> errors)
    {
        var quotas = new List<PeriodQuota>(inputs.Count);
        var firstOf = new Dictionary<(QuotaOwnerKind, string, string), string>();
        foreach (var input in inputs)
        {
            var count = errors.Count;
            void Fail(string field, string message) => errors.Add(new ValidationError(input.Entity, input.Where, input.Columns.GetValueOrDefault(field, field), message));

            QuotaOwnerKind? owner = input.OwnerType?.Trim().ToLowerInvariant() switch
            {
                "rep" => QuotaOwnerKind.Rep,
                "territory" => QuotaOwnerKind.Territory,
                null or "" => Missing(Fail, "ownerType"),
                _ => Wrong(Fail, "ownerType", $"'{Cut(input.OwnerType)}' is not an owner type: write rep or territory"),
            };
            var id = input.OwnerId?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                Fail("ownerId", "is required");
            }
            else if (owner == QuotaOwnerKind.Rep && !repIds.Contains(id))
            {
                Fail("ownerId", $"unknown rep '{Cut(id)}': no rep of the workspace's company has this id");
            }
            else if (owner == QuotaOwnerKind.Territory && !territoryIds.Contains(id))
            {
                Fail("ownerId", $"unknown territory '{Cut(id)}': no territory of the workspace's company has this id");
            }

            // A period name is short: a longer cell is quoted cut, so a hostile file cannot make a huge answer.
            var (period, problem) = input.Period is null ? (null, "is required")
                : input.Period.Length > 32 ? (null, $"'{Cut(input.Period)}' is not a fiscal period")
                : calendar.Parse(input.Period);
            if (problem is not null)
            {
                Fail("period", problem);
            }

            var unreadable = input.Amount is double.NaN;
            if (input.Amount is not { } amount)
            {
                Fail("amount", "is required");
            }
            else if (unreadable)
            {
                // Reported by the reader.
            }
            else if (amount < 0)
            {
                Fail("amount", string.Create(CultureInfo.InvariantCulture, $"must not be negative (got {amount})"));
            }
            else if (amount > MaxAmount)
            {
                Fail("amount", $"must be at most {MaxAmount:0e0}");
            }

            if (errors.Count > count || unreadable || owner is not { } kind || period is null)
            {
                continue;
            }

            if (!firstOf.TryAdd((kind, id!, period.Name), input.Where))
            {
                Fail("period", $"{Name(kind)} '{id}' already has a quota for {period.Name} ({firstOf[(kind, id!, period.Name)]})");
                continue;
            }

            quotas.Add(new PeriodQuota(kind, id!, period.Name, input.Amount!.Value));
        }

        return [.. quotas];
    }

    public static string Name(QuotaOwnerKind kind) => kind == QuotaOwnerKind.Rep ? "rep" : "territory";

    private static QuotaOwnerKind? Missing(Action<string, string> fail, string field)
    {
        fail(field, "is required: rep or territory");
        return null;
    }

    private static QuotaOwnerKind? Wrong(Action<string, string> fail, string field, string message)
    {
        fail(field, message);
        return null;
    }

    private static string Cut(string text) => text.Length <= 100 ? text : string.Concat(text.AsSpan(0, 100), "…");
}
