namespace TerritoryGrid.Domain.Coverage;

/// <summary>Call-plan adherence: touches delivered ÷ touches required, each account capped at 1.</summary>
public static class CallPlanAdherence
{
    /// <summary>
    /// Whole touches an account owes within the rolling window at <paramref name="elapsedDays"/> days since its plan
    /// started: a plan that began 7 days ago cannot be 4 weeks behind, and a plan a day old owes nothing yet (an A
    /// account owes its first visit after a week, a C account its call after four).
    /// </summary>
    public static double RequiredTouches(int touchesPerWindow, double elapsedDays, int windowDays) =>
        Math.Floor(touchesPerWindow * Math.Clamp(elapsedDays / windowDays, 0, 1) + 1e-9);

    /// <summary>The touches that count: over-serving one account cannot hide starving another.</summary>
    public static double CreditedTouches(double delivered, double required) => Math.Min(delivered, required);

    /// <summary>Adherence over a set of accounts given Σ credited and Σ required touches; 1 when nothing is owed yet.</summary>
    public static double Ratio(double creditedTouches, double requiredTouches) =>
        requiredTouches <= 0 ? 1 : Math.Clamp(creditedTouches / requiredTouches, 0, 1);
}
