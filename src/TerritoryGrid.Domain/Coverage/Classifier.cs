using System.Globalization;

namespace TerritoryGrid.Domain.Coverage;

/// <summary>
/// Classifies a territory as under-served, balanced or over-served (DOMAIN.md), with hysteresis: leaving a
/// status needs the figure to move <see cref="ClassificationOptions.HysteresisMargin"/> past the threshold.
/// </summary>
public static class Classifier
{
    public static Classification Classify(CoverageInputs inputs, ServiceStatus previous, ClassificationOptions options)
    {
        var margin = options.HysteresisMargin;
        var wasUnder = previous == ServiceStatus.UnderServed;
        var coverageFloor = options.UnderServedCoverageBelow + (wasUnder ? margin : 0);
        var adherenceFloor = options.UnderServedAdherenceBelow + (wasUnder ? margin : 0);
        var coverage = inputs.Coverage;

        var reasons = new List<string>();
        if (Below(coverage, coverageFloor))
        {
            reasons.Add(Format(
                "coverage {0:0.00} < {1:0.00}: {2} rep{3} ({4:0} capacity hours/week) for {5:0} demand hours/week",
                coverage, coverageFloor, inputs.RepCount, inputs.RepCount == 1 ? "" : "s", inputs.CapacityHours, inputs.DemandHours));
        }

        if (Below(inputs.Adherence, adherenceFloor))
        {
            var gap = Below(coverage, coverageFloor) ? "" : "execution gap: ";
            reasons.Add(Format("{0}call-plan adherence {1:0.00} < {2:0.00}", gap, inputs.Adherence, adherenceFloor));
        }

        if (inputs.LeadsWaitingPastTarget > 0)
        {
            reasons.Add(Format(
                "{0} new lead{1} waiting longer than {2:0} h without a touch",
                inputs.LeadsWaitingPastTarget, inputs.LeadsWaitingPastTarget == 1 ? "" : "s", options.LeadResponseTargetHours));
        }

        if (inputs.OrphanedAccounts is { Count: > 0 } orphaned)
        {
            reasons.Add(OrphanedReason(orphaned));
        }

        if (reasons.Count > 0)
        {
            return new Classification(ServiceStatus.UnderServed, string.Join("; ", reasons));
        }

        var overCeiling = options.OverServedCoverageAbove - (previous == ServiceStatus.OverServed ? margin : 0);
        if (Below(overCeiling, coverage))
        {
            return new Classification(ServiceStatus.OverServed, Format(
                "coverage {0} > {1:0.00}: {2:0} capacity hours/week for {3:0} demand hours/week",
                double.IsPositiveInfinity(coverage) ? "∞" : coverage.ToString("0.00", CultureInfo.InvariantCulture),
                overCeiling, inputs.CapacityHours, inputs.DemandHours));
        }

        return new Classification(ServiceStatus.Balanced, Format(
            "coverage {0:0.00} and adherence {1:0.00} within thresholds", coverage, inputs.Adherence));
    }

    /// <summary>Most orphaned accounts named in a reason: the rest are counted, so a reason stays readable.</summary>
    public const int OrphansNamed = 5;

    /// <summary>
    /// An orphaned account is under-served by definition (DOMAIN.md): nobody owes it its call plan. No hysteresis: the
    /// reason holds exactly while an account is orphaned, and leaves when the last one has an owner again.
    /// </summary>
    private static string OrphanedReason(IReadOnlyList<string> orphaned)
    {
        var named = string.Join(", ", orphaned.Take(OrphansNamed));
        var more = orphaned.Count > OrphansNamed ? Format(" and {0} more", orphaned.Count - OrphansNamed) : "";
        return Format("{0} orphaned account{1} (owner left, not reassigned): {2}{3}",
            orphaned.Count, orphaned.Count == 1 ? "" : "s", named, more);
    }

    /// <summary>Strictly below, ignoring floating-point noise: 0.9 + 0.05 is 0.9500000000000001, and 0.95 must leave.</summary>
    private static bool Below(double value, double threshold) => value < threshold - 1e-9;

    private static string Format(string format, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);
}
