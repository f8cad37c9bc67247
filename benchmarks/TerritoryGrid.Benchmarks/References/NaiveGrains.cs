namespace TerritoryGrid.Benchmarks.References;

/// <summary>
/// The naive design, pinned as a reference: each event is one awaited call to its account grain, which awaits a call
/// to its rep grain, which awaits a call to its territory grain. No batching, no coalescing.
/// </summary>
[Alias("bench.INaiveAccountGrain")]
public interface INaiveAccountGrain : IGrainWithIntegerKey
{
    [Alias("Apply")]
    Task Apply(int rep, int territory, double amount);
}

[Alias("bench.INaiveRepGrain")]
public interface INaiveRepGrain : IGrainWithIntegerKey
{
    [Alias("Apply")]
    Task Apply(int territory, double amount);
}

[Alias("bench.INaiveTerritoryGrain")]
public interface INaiveTerritoryGrain : IGrainWithIntegerKey
{
    [Alias("Apply")]
    Task Apply(double amount);

    [Alias("Events")]
    Task<long> Events();
}

public sealed class NaiveAccountGrain : Grain, INaiveAccountGrain
{
    private long events;
    private double revenue;

    public async Task Apply(int rep, int territory, double amount)
    {
        events++;
        revenue += amount;
        await GrainFactory.GetGrain<INaiveRepGrain>(rep).Apply(territory, amount);
    }
}

public sealed class NaiveRepGrain : Grain, INaiveRepGrain
{
    private long events;
    private double revenue;

    public async Task Apply(int territory, double amount)
    {
        events++;
        revenue += amount;
        await GrainFactory.GetGrain<INaiveTerritoryGrain>(territory).Apply(amount);
    }
}

public sealed class NaiveTerritoryGrain : Grain, INaiveTerritoryGrain
{
    private long events;
    private double revenue;

    public Task Apply(double amount)
    {
        events++;
        revenue += amount;
        return Task.CompletedTask;
    }

    public Task<long> Events() => Task.FromResult(events);
}
