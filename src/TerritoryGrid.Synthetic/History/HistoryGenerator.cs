using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Synthetic.History;

/// <summary>
/// Generates a company's activity over a period, in event-time order with stable ids: the same company and spec give
/// the same events. Territories short of capacity deliver proportionally fewer touches, so they look under-served.
/// </summary>
public static class HistoryGenerator
{
    public static IReadOnlyList<ActivityEvent> Generate(CompanyDefinition company, HistorySpec spec, MetricsOptions? metrics = null)
    {
        metrics ??= new MetricsOptions();
        var delivery = TerritoryDelivery.WeeklyRates(company, spec, metrics);
        var reps = company.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var repsByTerritory = company.Reps.GroupBy(r => r.TerritoryId).ToDictionary(g => g.Key, g => (IReadOnlyList<RepDefinition>)g.ToList());
        var all = new List<ActivityEvent>(company.Accounts.Count * 6);
        foreach (var account in company.Accounts)
        {
            var owner = account.OwnerRepId is { } id ? reps[id] : null;
            var activity = new AccountActivity(account, owner, repsByTerritory.GetValueOrDefault(account.TerritoryId) ?? [], metrics);
            all.AddRange(activity.Generate(spec, delivery.GetValueOrDefault(account.TerritoryId) ?? [TerritoryDelivery.Diligence]));
        }

        // Ordered by time, then account (stable for equal times): ids follow that order, so they are reproducible.
        var ordered = all.Select((e, i) => (e, i)).OrderBy(x => x.e.OccurredAt).ThenBy(x => x.i).ToList();
        var result = new ActivityEvent[ordered.Count];
        for (var n = 0; n < ordered.Count; n++)
        {
            result[n] = ordered[n].e with { Id = $"h{spec.Seed}-{n:D7}" };
        }

        return result;
    }
}
