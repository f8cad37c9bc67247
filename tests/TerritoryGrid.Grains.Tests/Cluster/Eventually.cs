namespace TerritoryGrid.Grains.Tests.Cluster;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time (roll-ups drain asynchronously).</summary>
internal static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(20);
        }
    }
}
