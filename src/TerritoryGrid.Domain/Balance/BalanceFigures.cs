namespace TerritoryGrid.Domain.Balance;

/// <summary>Spread of one quantity across reps: coefficient of variation (std ÷ mean) and max/min ratio.</summary>
public sealed record BalanceFigures(int Count, double Mean, double StandardDeviation, double Min, double Max)
{
    public double CoefficientOfVariation => Mean == 0 ? 0 : StandardDeviation / Mean;

    /// <summary>Max ÷ min; infinite when some rep has none while another has some.</summary>
    public double MaxMinRatio => Min > 0 ? Max / Min : Max > 0 ? double.PositiveInfinity : 1;

    /// <summary>Population statistics of <paramref name="values"/> (every rep counts, none is a sample).</summary>
    public static BalanceFigures Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new BalanceFigures(0, 0, 0, 0, 0);
        }

        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        return new BalanceFigures(values.Count, mean, Math.Sqrt(variance), values.Min(), values.Max());
    }
}
