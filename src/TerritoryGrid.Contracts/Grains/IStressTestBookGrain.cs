using TerritoryGrid.Contracts.Plans;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>A workspace's plan stress tests (keyed by workspace): their progress and results, kept across restarts.</summary>
[Alias("tg.IStressTestBookGrain")]
public interface IStressTestBookGrain : IGrainWithStringKey, IStateTransfer
{
    [Alias("Start")]
    Task<StressTestRecord> Start(string scenario, string[] planIds, string startedBy);

    /// <summary>Replaces a test's record with <paramref name="record"/> (progress, results, failure).</summary>
    [Alias("Update")]
    Task Update(StressTestRecord record);

    [Alias("Get")]
    Task<StressTestRecord?> Get(string id);

    [Alias("List")]
    Task<StressTestRecord[]> List();
}
