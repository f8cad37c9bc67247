namespace TerritoryGrid.Benchmarks.Reporting;

internal static class LeastSquares
{
    /// <summary>The slope of the least-squares line through the points (NaN for fewer than two distinct x).</summary>
    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return double.NaN;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var spread = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return spread == 0 ? double.NaN : points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / spread;
    }
}
