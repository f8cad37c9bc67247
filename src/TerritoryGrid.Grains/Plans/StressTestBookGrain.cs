using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Plans;
using TerritoryGrid.Grains.Persistence;

namespace TerritoryGrid.Grains.Plans;

internal sealed class StressTestBookGrain(
    [PersistentState("stress-tests", StorageNames.Grains)] IPersistentState<StressTestBookState> persisted,
    TimeProvider clock)
    : TransferableGrain<StressTestBookState>, IStressTestBookGrain
{
    protected override IPersistentState<StressTestBookState> Persisted => persisted;

    /// <summary>Most tests kept per workspace; the oldest finished ones go first.</summary>
    private const int Kept = 50;

    private StressTestBookState State => persisted.State;

    public async Task<StressTestRecord> Start(string scenario, string[] planIds, string startedBy)
    {
        State.LastNumber++;
        var record = new StressTestRecord($"stress-{State.LastNumber}", scenario, planIds, startedBy, clock.GetUtcNow(), StressTestRecord.Queued);
        State.Tests[record.Id] = record;
        foreach (var old in State.Tests.Values.Where(t => t.FinishedAt is not null).OrderBy(t => t.StartedAt).Take(Math.Max(0, State.Tests.Count - Kept)).ToList())
        {
            State.Tests.Remove(old.Id);
        }

        await persisted.WriteStateAsync();
        return record;
    }

    public async Task Update(StressTestRecord record)
    {
        State.Tests[record.Id] = record;
        await persisted.WriteStateAsync();
    }

    public Task<StressTestRecord?> Get(string id) => Task.FromResult(State.Tests.GetValueOrDefault(id));

    public Task<StressTestRecord[]> List() => Task.FromResult(State.Tests.Values.OrderBy(t => t.StartedAt).ToArray());
}

[GenerateSerializer, Alias("tg.StressTestBookState")]
internal sealed class StressTestBookState
{
    [Id(0)] public int LastNumber { get; set; }

    [Id(1)] public Dictionary<string, StressTestRecord> Tests { get; set; } = new(StringComparer.Ordinal);
}
