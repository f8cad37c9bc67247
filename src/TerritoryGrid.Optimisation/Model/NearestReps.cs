using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Optimisation.Model;

/// <summary>
/// A k-d tree over rep homes as points on the unit sphere (chord length orders points as great-circle distance does),
/// so each account's nearest reps are found without measuring every rep.
/// </summary>
internal sealed class NearestReps
{
    private readonly int[] reps;
    private readonly double[] x;
    private readonly double[] y;
    private readonly double[] z;
    private readonly int[] splitAxis;

    public NearestReps(IReadOnlyList<int> repIndexes, IReadOnlyList<GeoPoint> homes)
    {
        reps = [.. repIndexes];
        x = new double[reps.Length];
        y = new double[reps.Length];
        z = new double[reps.Length];
        splitAxis = new int[reps.Length];
        var points = reps.Select(r => ToUnit(homes[r])).ToArray();
        var order = Enumerable.Range(0, reps.Length).ToArray();
        Build(order, points, 0, reps.Length);
        var sorted = order.Select(i => reps[i]).ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            (x[i], y[i], z[i]) = points[order[i]];
        }

        reps = sorted;
    }

    /// <summary>Up to <paramref name="count"/> rep indexes nearest to <paramref name="at"/>, nearest first.</summary>
    public int[] Nearest(GeoPoint at, int count)
    {
        if (count <= 0 || reps.Length == 0)
        {
            return [];
        }

        var (px, py, pz) = ToUnit(at);
        var best = new PriorityQueue<int, double>(count + 1, Comparer<double>.Create((p, q) => q.CompareTo(p)));
        Search(0, reps.Length, px, py, pz, count, best);
        var found = new (int Rep, double Distance)[best.Count];
        for (var i = found.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var slot, out var distance);
            found[i] = (reps[slot], distance);
        }

        return [.. found.Select(f => f.Rep)];
    }

    private void Search(int from, int to, double px, double py, double pz, int count, PriorityQueue<int, double> best)
    {
        if (from >= to)
        {
            return;
        }

        var mid = (from + to) / 2;
        var dx = x[mid] - px;
        var dy = y[mid] - py;
        var dz = z[mid] - pz;
        var distance = dx * dx + dy * dy + dz * dz;
        if (best.Count < count)
        {
            best.Enqueue(mid, distance);
        }
        else if (best.TryPeek(out _, out var worst) && distance < worst)
        {
            best.DequeueEnqueue(mid, distance);
        }

        var offset = splitAxis[mid] switch { 0 => px - x[mid], 1 => py - y[mid], _ => pz - z[mid] };
        var (near, far) = offset < 0 ? ((from, mid), (mid + 1, to)) : ((mid + 1, to), (from, mid));
        Search(near.Item1, near.Item2, px, py, pz, count, best);
        // The far side can only hold a nearer rep when the splitting plane is closer than the worst kept one.
        if (best.Count < count || (best.TryPeek(out _, out var kept) && offset * offset < kept))
        {
            Search(far.Item1, far.Item2, px, py, pz, count, best);
        }
    }

    /// <summary>Sorts order[from..to) into a balanced tree: the median on the widest axis at the middle, each side below and above.</summary>
    private void Build(int[] order, (double X, double Y, double Z)[] points, int from, int to)
    {
        if (to - from <= 1)
        {
            return;
        }

        var segment = order.AsSpan(from, to - from);
        var axis = WidestAxis(segment, points);
        Func<(double X, double Y, double Z), double> coordinate = axis switch { 0 => p => p.X, 1 => p => p.Y, _ => p => p.Z };
        segment.Sort((i, j) => coordinate(points[i]).CompareTo(coordinate(points[j])));
        var mid = (from + to) / 2;
        splitAxis[mid] = axis;
        Build(order, points, from, mid);
        Build(order, points, mid + 1, to);
    }

    private static int WidestAxis(ReadOnlySpan<int> segment, (double X, double Y, double Z)[] points)
    {
        double minX = double.MaxValue, minY = double.MaxValue, minZ = double.MaxValue;
        double maxX = double.MinValue, maxY = double.MinValue, maxZ = double.MinValue;
        foreach (var i in segment)
        {
            var (px, py, pz) = points[i];
            (minX, maxX) = (Math.Min(minX, px), Math.Max(maxX, px));
            (minY, maxY) = (Math.Min(minY, py), Math.Max(maxY, py));
            (minZ, maxZ) = (Math.Min(minZ, pz), Math.Max(maxZ, pz));
        }

        var spread = new[] { maxX - minX, maxY - minY, maxZ - minZ };
        return Array.IndexOf(spread, spread.Max());
    }

    private static (double X, double Y, double Z) ToUnit(GeoPoint p)
    {
        var lat = p.Latitude * Math.PI / 180;
        var lon = p.Longitude * Math.PI / 180;
        return (Math.Cos(lat) * Math.Cos(lon), Math.Cos(lat) * Math.Sin(lon), Math.Sin(lat));
    }
}
