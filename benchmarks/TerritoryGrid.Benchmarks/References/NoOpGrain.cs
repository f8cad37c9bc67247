namespace TerritoryGrid.Benchmarks.References;

/// <summary>The platform ceiling: a grain call that does nothing.</summary>
[Alias("bench.INoOpGrain")]
public interface INoOpGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task Ping(int value);
}

public sealed class NoOpGrain : Grain, INoOpGrain
{
    public Task Ping(int value) => Task.CompletedTask;
}
