using System.Diagnostics;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// A user's browser runs on the user's machine; here it shares two cores with a saturated server and its load
/// generator. Every thread of every Chromium process started below this one (browser, GPU, network, renderers) is set
/// to nice -10, so the page gets the CPU it would have on its own machine and the server takes all that is left.
/// Setting it at launch is not enough: Chromium's zygote starts renderers back at normal priority. Nor is a thread's
/// nice alone: Playwright starts Chromium in a session of its own, and with the kernel's autogroups (on here) a
/// thread's nice only ranks it within its session's group while the groups share the CPU as equals; so the group's
/// nice is set too.
/// </summary>
internal static class BrowserPriority
{
    private const int Nice = -10;

    public static string Raise()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "not raised (Linux only)";
        }

        var threads = ChromiumProcesses()
            .SelectMany(pid => Directory.Exists($"/proc/{pid}/task") ? Directory.GetDirectories($"/proc/{pid}/task").Select(Path.GetFileName) : [])
            .OfType<string>()
            .ToList();
        if (threads.Count == 0)
        {
            return "not raised (no Chromium process found)";
        }

        var error = Run("renice", ["-n", Nice.ToString(System.Globalization.CultureInfo.InvariantCulture), "-p", .. threads]);
        return error is null ? $"nice {Nice} for its {threads.Count} threads, {RaiseAutogroups()}" : $"not raised ({error})";
    }

    /// <summary>Sets the nice of every scheduling autogroup a Chromium process is in (Linux's /proc/PID/autogroup).</summary>
    private static string RaiseAutogroups()
    {
        var groups = ChromiumProcesses()
            .Select(pid => (Pid: pid, Group: Read($"/proc/{pid}/autogroup")?.Split(' ')[0]))
            .Where(p => p.Group is not null)
            .DistinctBy(p => p.Group)
            .ToList();
        if (groups.Count == 0)
        {
            return "no autogroups (the kernel does not group by session)";
        }

        try
        {
            foreach (var (pid, _) in groups)
            {
                File.WriteAllText($"/proc/{pid}/autogroup", Nice.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"its autogroups not raised ({e.Message})";
        }

        var after = groups.Select(p => Read($"/proc/{p.Pid}/autogroup")?.Trim()).OfType<string>();
        return $"its {(groups.Count == 1 ? "autogroup" : $"{groups.Count} autogroups")} ({string.Join("; ", after)}) against this process's {Read("/proc/self/autogroup")?.Trim()}";
    }

    /// <summary>
    /// Stands in for a user's own machine: every Chromium process (all its threads) on the last core alone, this
    /// process (the server and the load generator, and every thread they start later) on the others.
    /// </summary>
    public static string GiveOwnCore()
    {
        if (!OperatingSystem.IsLinux() || Environment.ProcessorCount < 2)
        {
            return "not given a core of its own (needs Linux and 2 cores)";
        }

        var last = Environment.ProcessorCount - 1;
        var failures = ChromiumProcesses().Select(pid => TaskSet(last.ToString(System.Globalization.CultureInfo.InvariantCulture), pid))
            .Append(TaskSet($"0-{last - 1}", Environment.ProcessId))
            .OfType<string>()
            .ToList();
        return failures.Count == 0
            ? $"Chromium alone on core {last}, the server and the load on {(last == 1 ? "core 0" : $"cores 0–{last - 1}")}"
            : $"not given a core of its own ({failures[0]})";
    }

    private static string? TaskSet(string cores, int pid) =>
        Run("taskset", ["-a", "-p", "-c", cores, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>Runs a command to its end: null when it succeeded, else the first line of what it said was wrong.</summary>
    private static string? Run(string command, IEnumerable<string> arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : error.Split('\n').FirstOrDefault()?.Trim();
    }

    private static IEnumerable<int> ChromiumProcesses() => Descendants(Environment.ProcessId)
        .Where(pid => Read($"/proc/{pid}/comm")?.Trim().StartsWith("chrom", StringComparison.Ordinal) == true);

    private static List<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Read($"{directory}/stat") is { } stat)
            {
                // The parent is the second field after the name in parentheses (which may itself hold spaces).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields.Length > 1 && int.TryParse(fields[1], out var parent))
                {
                    (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
                }
            }
        }

        var found = new List<int>();
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }

        return found;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
