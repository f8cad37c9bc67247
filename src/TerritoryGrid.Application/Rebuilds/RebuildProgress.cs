using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Rebuilds;

namespace TerritoryGrid.Application.Rebuilds;

/// <summary>
/// A rebuild's record as it runs, written to its grain at most once a second and never twice at once: a progress
/// write still in flight could otherwise land after the outcome and undo it.
/// </summary>
internal sealed class RebuildProgress(IRebuildGrain book, RebuildRecord started)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private Task writing = Task.CompletedTask;
    private DateTime lastWrite = DateTime.MinValue;

    public RebuildRecord Current { get; private set; } = started;

    public void Report(Func<RebuildRecord, RebuildRecord> change)
    {
        Current = change(Current);
        if (writing.IsCompleted && DateTime.UtcNow - lastWrite >= Interval)
        {
            lastWrite = DateTime.UtcNow;
            writing = book.Update(Current);
        }
    }

    public async Task FinishAsync(Func<RebuildRecord, RebuildRecord> change)
    {
        Current = change(Current);
        await Task.WhenAny(writing);
        await book.Update(Current);
    }
}
