using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace TerritoryGrid.Durability.Tests.Cluster;

/// <summary>
/// Clients posting batches to the cluster as a careful producer does: a batch is done only when a silo acknowledges it
/// (2xx); any failure (refused connection, 5xx, timeout) sends the same batch again, to the next silo.
/// </summary>
internal sealed class RetryingStream(Uri[] silos, ClusterEvents events)
{
    private readonly List<(TimeSpan At, TimeSpan Waited)> acknowledgements = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, int> failures = new();
    private int failedAttempts;

    public int FailedAttempts => failedAttempts;

    /// <summary>What the failed attempts saw: HTTP statuses, refused connections, timeouts.</summary>
    public string Failures => string.Join(", ", failures.OrderBy(f => f.Key).Select(f => $"{f.Key} ×{f.Value}"));

    public async Task WaitForAcknowledgedAsync(int batches)
    {
        while (true)
        {
            lock (acknowledgements)
            {
                if (acknowledgements.Count >= batches)
                {
                    return;
                }
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Posts batches <paramref name="fromBatch"/>+client, +clients, … below <paramref name="toBatch"/>.</summary>
    public Task RunAsync(int client, int clients, int fromBatch, int toBatch)
    {
        var next = fromBatch + client - clients;
        return RunAsync(client, () => (next += clients) < toBatch ? next : null);
    }

    /// <summary>Posts the batches <paramref name="claim"/> hands out until it hands out none.</summary>
    public async Task RunAsync(int client, Func<int?> claim)
    {
        var silo = client % silos.Length;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestKeys.Ingest);
        while (claim() is { } batch)
        {
            var body = events.Batch(batch);
            var started = clock.Elapsed;
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                try
                {
                    var response = await http.PostAsJsonAsync(new Uri(silos[silo], "/api/workspaces/live/activity"), body);
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }

                    failures.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, n) => n + 1);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    // Not acknowledged: the same batch goes again.
                    failures.AddOrUpdate(exception is TaskCanceledException ? "timeout" : "connection refused", 1, (_, n) => n + 1);
                }

                Interlocked.Increment(ref failedAttempts);
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Batch {batch} was not acknowledged within 90 s");
                }

                silo = (silo + 1) % silos.Length;
                await Task.Delay(100);
            }

            lock (acknowledgements)
            {
                acknowledgements.Add((clock.Elapsed, clock.Elapsed - started));
            }
        }
    }

    /// <summary>The longest time any batch waited for its acknowledgement, among those acknowledged after the kill.</summary>
    public double LongestAcknowledgementAfter(Stopwatch sinceKill)
    {
        var killAt = clock.Elapsed - sinceKill.Elapsed;
        lock (acknowledgements)
        {
            return acknowledgements.Where(a => a.At > killAt).Select(a => a.Waited.TotalSeconds).DefaultIfEmpty().Max();
        }
    }
}
