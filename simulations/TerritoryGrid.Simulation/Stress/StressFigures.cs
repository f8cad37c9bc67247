using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Planning.Plans;
using TerritoryGrid.Simulator.Reporting;

namespace TerritoryGrid.Simulator.Stress;

/// <summary>
/// How one alignment (today's, or a plan's) met the season: territory-weeks out of balance as the system classified
/// them, workload and potential balance per rep, the disruption a plan causes, travel, and revenue at risk.
/// </summary>
public sealed record StressFigures(
    string Variant,
    int TerritoryWeeksUnderServed,
    int TerritoryWeeksOverServed,
    double MeanWorkloadCv,
    double MeanWorkloadMaxMin,
    double MeanPotentialCv,
    double MeanPotentialMaxMin,
    int AccountsMoved,
    double AccountValueMoved,
    int RelationshipsBroken,
    double TravelHoursPerWeek,
    int AccountsAtRisk,
    double RevenueAtRisk,
    long Events)
{
    /// <summary>
    /// The figures of <paramref name="result"/>. A relationship is an account's touch history with its current rep: a
    /// moved account whose owner before the plan touched it in <paramref name="relationships"/> (the baseline's
    /// warm-up weeks, the recent past) has its relationship broken. Revenue at risk is the trailing-12-month revenue of
    /// the accounts whose call-plan adherence fell below 0.5 at any week's end of the period (DOMAIN.md).
    /// </summary>
    public static StressFigures Of(string variant, SimulationResult result, AlignmentChange? change,
        IReadOnlySet<(string Account, string Rep)> relationships, MetricsOptions metrics)
    {
        var company = result.Company!;
        var moved = change?.Accounts ?? [];
        var (atRisk, revenueAtRisk) = AtRisk(result, metrics);
        return new StressFigures(
            variant,
            result.Territories.Count(r => r.Status == ServiceStatus.UnderServed),
            result.Territories.Count(r => r.Status == ServiceStatus.OverServed),
            Mean(result.Balance.Select(b => b.WorkloadCv)),
            Mean(result.Balance.Select(b => b.WorkloadMaxMin)),
            Mean(result.Balance.Select(b => b.PotentialCv)),
            Mean(result.Balance.Select(b => b.PotentialMaxMin)),
            moved.Count,
            change?.AccountValueMoved ?? 0,
            moved.Count(m => m.Before.OwnerRepId is { } owner && m.After.OwnerRepId != owner && relationships.Contains((m.Before.Id, owner))),
            TravelHours(company, metrics),
            atRisk,
            revenueAtRisk,
            result.Events);
    }

    /// <summary>The (account, rep) pairs with a touch before <paramref name="before"/>.</summary>
    public static HashSet<(string Account, string Rep)> Relationships(IEnumerable<ActivityEvent> events, DateTimeOffset before) =>
    [
        .. events.Where(e => e.OccurredAt < before && e.RepId is not null && e.Kind.TouchChannel() is not null).Select(e => (e.AccountId, e.RepId!)),
    ];

    /// <summary>Weekly hours owners spend travelling to their accounts' in-person touches (home to account and back).</summary>
    public static double TravelHours(CompanyDefinition company, MetricsOptions metrics)
    {
        var reps = company.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return company.Accounts.Where(a => a.OwnerRepId is not null).Sum(a =>
        {
            var pattern = metrics.CallPatterns.For(a.Segment ?? Segment.C);
            var km = reps[a.OwnerRepId!].Home.DistanceKmTo(a.Location);
            return Workload.DemandHoursPerWeek(pattern, km, 0, 0, metrics.Workload) - Workload.DemandHoursPerWeek(pattern, 0, 0, 0, metrics.Workload);
        });
    }

    private static (int Accounts, double Revenue) AtRisk(SimulationResult result, MetricsOptions metrics)
    {
        var company = result.Company!;
        var window = metrics.Classification.WindowDays;
        var planStartDay = Day(company.PlanStart!.Value);
        var weekEnds = result.Balance.Select(b => Day(new DateTimeOffset(b.WeekStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) + 6).ToArray();
        var touches = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var segments = company.Accounts.ToDictionary(a => a.Id, a => a.Segment ?? Segment.C, StringComparer.Ordinal);
        foreach (var e in result.Activity)
        {
            if (e.Kind.TouchChannel() is { } channel && segments.TryGetValue(e.AccountId, out var segment) && metrics.CallPatterns.For(segment).IsSatisfiedBy(channel))
            {
                (touches.TryGetValue(e.AccountId, out var days) ? days : touches[e.AccountId] = []).Add(Day(e.OccurredAt));
            }
        }

        var accounts = 0;
        double revenue = 0;
        foreach (var account in company.Accounts)
        {
            var pattern = metrics.CallPatterns.For(segments[account.Id]);
            var days = touches.GetValueOrDefault(account.Id) ?? [];
            var fellBelow = weekEnds.Any(end =>
            {
                var owed = CallPlanAdherence.RequiredTouches(pattern.TouchesPer4Weeks, end + 1 - planStartDay, window);
                var credited = CallPlanAdherence.CreditedTouches(days.Count(d => d > end - window && d <= end), owed);
                return owed > 0 && credited / owed < 0.5;
            });
            if (fellBelow)
            {
                accounts++;
                revenue += account.AnnualRevenue;
            }
        }

        return (accounts, revenue);
    }

    private static int Day(DateTimeOffset at) => (int)(at.UtcTicks / TimeSpan.TicksPerDay);

    /// <summary>The mean over the weeks; infinite when some week's max/min was (a rep with none of it while another had some).</summary>
    private static double Mean(IEnumerable<double> values)
    {
        var all = values.ToList();
        return all.Count == 0 ? double.NaN : all.Average();
    }
}
