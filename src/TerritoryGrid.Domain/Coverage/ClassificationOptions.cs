namespace TerritoryGrid.Domain.Coverage;

/// <summary>Thresholds of the under/over-served classification. Defaults are DOMAIN.md's.</summary>
public sealed class ClassificationOptions
{
    /// <summary>Coverage below this is under-served. The default is 0.9.</summary>
    public double UnderServedCoverageBelow { get; set; } = 0.9;

    /// <summary>Adherence below this is under-served. The default is 0.8.</summary>
    public double UnderServedAdherenceBelow { get; set; } = 0.8;

    /// <summary>Coverage above this, with adherence met, is over-served. The default is 1.25.</summary>
    public double OverServedCoverageAbove { get; set; } = 1.25;

    /// <summary>Hours of event time a new lead may wait for its first touch. The default is 48.</summary>
    public double LeadResponseTargetHours { get; set; } = 48;

    /// <summary>
    /// How far past a threshold a status must move back before it is left, so a territory does not flap at a
    /// boundary. The default is 0.05 (e.g. under-served on coverage is left at 0.95, not 0.90).
    /// </summary>
    public double HysteresisMargin { get; set; } = 0.05;

    /// <summary>Rolling window of the call plan, days of event time. The default is 28.</summary>
    public int WindowDays { get; set; } = 28;
}
