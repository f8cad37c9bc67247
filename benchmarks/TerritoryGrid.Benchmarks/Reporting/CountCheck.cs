namespace TerritoryGrid.Benchmarks.Reporting;

/// <summary>A scenario's count check: a wrong count is printed as "COUNT WRONG: …" and fails the run.</summary>
internal static class CountCheck
{
    public static bool Check(bool condition, string failure)
    {
        if (!condition)
        {
            Console.Error.WriteLine($"COUNT WRONG: {failure}");
        }

        return condition;
    }
}
