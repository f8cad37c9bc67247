using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// What a Chromium performance trace of the page says about its long tasks: the page's own telemetry times its render,
/// but a frame also waits behind whatever else holds the renderer's main thread (parsing frames, garbage collection,
/// style and layout), and only the trace names that.
/// </summary>
internal static class PageTrace
{
    public static readonly string[] Categories = ["devtools.timeline", "v8", "blink", "toplevel", "mojom", "disabled-by-default-devtools.timeline", "disabled-by-default-v8.cpu_profiler"];

    private const double LongTaskMs = 50;

    /// <summary>Starts tracing the whole browser over the DevTools protocol (this Playwright has no tracing call of its own).</summary>
    public static async Task<ICDPSession> StartAsync(IBrowser browser)
    {
        var session = await browser.NewBrowserCDPSessionAsync();
        await session.SendAsync("Tracing.start", new()
        {
            ["traceConfig"] = new Dictionary<string, object> { ["includedCategories"] = Categories, ["recordMode"] = "recordContinuously" },
            ["transferMode"] = "ReturnAsStream",
        });
        return session;
    }

    /// <summary>Ends the trace and copies it from the browser's stream into <paramref name="path"/>.</summary>
    public static async Task StopAsync(ICDPSession session, string path)
    {
        var complete = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Event("Tracing.tracingComplete").OnEvent += (_, e) => complete.TrySetResult(e!.Value.GetProperty("stream").GetString()!);
        await session.SendAsync("Tracing.end");
        var handle = await complete.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await using var file = File.Create(path);
        while (true)
        {
            var chunk = (await session.SendAsync("IO.read", new() { ["handle"] = handle, ["size"] = 1 << 20 }))!.Value;
            var data = chunk.GetProperty("data").GetString() ?? "";
            var encoded = chunk.TryGetProperty("base64Encoded", out var base64) && base64.GetBoolean();
            await file.WriteAsync(encoded ? Convert.FromBase64String(data) : Encoding.UTF8.GetBytes(data));
            if (chunk.TryGetProperty("eof", out var eof) && eof.GetBoolean())
            {
                break;
            }
        }

        await session.SendAsync("IO.close", new() { ["handle"] = handle });
        await session.DetachAsync();
    }

    /// <summary>The main thread's tasks over 50 ms, and which of their slices (by name, outermost time only) filled them.</summary>
    public static string Summarise(string path)
    {
        using var stream = File.OpenRead(path);
        using var trace = JsonDocument.Parse(stream);
        var events = trace.RootElement.ValueKind == JsonValueKind.Array ? trace.RootElement : trace.RootElement.GetProperty("traceEvents");
        var mainThreads = new HashSet<(long Pid, long Tid)>();
        var slices = new List<(long Pid, long Tid, string Name, double Start, double Duration)>();
        foreach (var e in events.EnumerateArray())
        {
            var phase = e.TryGetProperty("ph", out var ph) ? ph.GetString() : null;
            var name = e.GetProperty("name").GetString() ?? "";
            var key = (e.GetProperty("pid").GetInt64(), e.TryGetProperty("tid", out var tid) ? tid.GetInt64() : 0);
            if (phase == "M" && name == "thread_name" && e.GetProperty("args").GetProperty("name").GetString() == "CrRendererMain")
            {
                mainThreads.Add(key);
            }
            else if (phase == "X" && e.TryGetProperty("dur", out var dur))
            {
                slices.Add((key.Item1, key.Item2, name, e.GetProperty("ts").GetDouble() / 1000, dur.GetDouble() / 1000));
            }
        }

        var main = slices.Where(s => mainThreads.Contains((s.Pid, s.Tid))).OrderBy(s => s.Start).ThenByDescending(s => s.Duration).ToList();
        var tasks = main.Where(s => s.Name is "RunTask" or "ThreadControllerImpl::RunTask" && s.Duration > LongTaskMs).ToList();
        var byName = new Dictionary<string, double>();
        foreach (var task in tasks)
        {
            // The outermost slices inside the task: time inside a nested slice is counted once, under its parent.
            var end = double.MinValue;
            foreach (var slice in main.Where(s => s.Start >= task.Start && s.Start + s.Duration <= task.Start + task.Duration && s != task && s.Name is not ("RunTask" or "ThreadControllerImpl::RunTask")))
            {
                if (slice.Start < end)
                {
                    continue;
                }

                end = slice.Start + slice.Duration;
                byName[slice.Name] = byName.GetValueOrDefault(slice.Name) + slice.Duration;
            }
        }

        var total = tasks.Sum(t => t.Duration);
        var parts = byName.OrderByDescending(p => p.Value).Take(8)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:N0} ms"));
        return string.Create(CultureInfo.InvariantCulture,
            $"trace {path}: {tasks.Count} main-thread tasks over {LongTaskMs:0} ms, {total:N0} ms in all, the longest {(tasks.Count > 0 ? tasks.Max(t => t.Duration) : 0):N0} ms; inside them: {string.Join(", ", parts)}");
    }
}
