namespace TerritoryGrid.Application.Progress;

/// <summary>
/// The record of a long job (a rebuild, a stress test) as it runs, written through <paramref name="write"/> (a grain
/// call) at most once a second and never twice at once: a progress write still in flight could otherwise land after
/// the outcome and undo it. The outcome is written after any progress write, always.
/// </summary>
public sealed class ProgressRecord<T>(Func<T, Task> write, T started)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private Task writing = Task.CompletedTask;
    private DateTime lastWrite = DateTime.MinValue;

    public T Current { get; private set; } = started;

    public void Report(Func<T, T> change)
    {
        Current = change(Current);
        if (writing.IsCompleted && DateTime.UtcNow - lastWrite >= Interval)
        {
            lastWrite = DateTime.UtcNow;
            writing = write(Current);
        }
    }

    public async Task FinishAsync(Func<T, T> change)
    {
        Current = change(Current);
        await Task.WhenAny(writing);
        await write(Current);
    }
}
