using TerritoryGrid.Simulator.Reporting;
using TerritoryGrid.Simulator.Running;
using TerritoryGrid.Simulator.Scenarios;

namespace TerritoryGrid.Simulator;

/// <summary>
/// territorygrid-simulate SCENARIO.json [--out DIRECTORY] [--live URL [--workspace NAME] [--days-per-second N]]:
/// runs the scenario in batch mode (its own silo, as fast as possible) or live mode (a running TerritoryGrid, a
/// sandbox workspace, paced) and writes weekly.csv, summary.csv, balance.csv and report.html. Exit code 2 for a bad
/// scenario or arguments. Live mode authenticates with the API key in TERRITORYGRID_API_KEY (role ingest, or planner:
/// sandboxes only).
/// </summary>
public static class SimulatorMain
{
    public const string ApiKeyVariable = "TERRITORYGRID_API_KEY";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("usage: territorygrid-simulate SCENARIO.json [--out DIRECTORY] [--live URL [--workspace NAME] [--days-per-second N]]");
            Console.WriteLine("       territorygrid-simulate SCENARIO.json --plan PLAN.json [--plan PLAN2.json ...] [--out DIRECTORY]   (stress test, batch mode)");
            Console.WriteLine($"live mode sends the API key in the environment variable {ApiKeyVariable}");
            return args.Length == 0 ? 2 : 0;
        }

        var output = Option(args, "--out") ?? Path.Combine("simulation-reports", Path.GetFileNameWithoutExtension(args[0]));
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(args[0]);
        }
        catch (ScenarioException error)
        {
            Console.Error.WriteLine(error.Message);
            return 2;
        }

        try
        {
            return await RunAsync(args, scenario, output);
        }
        catch (ScenarioException error)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine(error.Message);
            return 2;
        }
    }

    private static async Task<int> RunAsync(string[] args, Scenario scenario, string output)
    {
        void Progress(string line) => Console.Error.Write($"\r{Bar(line)} {line}");
        var planFiles = Options(args, "--plan");
        if (planFiles.Count > 0)
        {
            return await StressTestAsync(scenario, planFiles, output, Progress);
        }

        var live = Option(args, "--live");
        SimulationResult result;
        if (live is null)
        {
            result = await new BatchRunner(Progress).RunAsync(scenario);
        }
        else
        {
            var workspace = Option(args, "--workspace") ?? "simulation";
            var pace = double.Parse(Option(args, "--days-per-second") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                // The key comes from the environment, never the command line (where other users of the machine see it).
                result = await new LiveRunner(Progress).RunAsync(scenario, new Uri(live), workspace, pace, Environment.GetEnvironmentVariable(ApiKeyVariable));
            }
            catch (ArgumentException error)
            {
                Console.Error.WriteLine(error.Message);
                return 2;
            }
        }
        Console.Error.WriteLine();
        CsvReport.Write(result, output);
        File.WriteAllText(Path.Combine(output, "report.html"), HtmlReport.Render(result));
        Console.WriteLine($"{result.Events:N0} events over {scenario.Period.Weeks} weeks in {result.Seconds:0.0} s{(result.Refused > 0 ? $" ({result.Refused:N0} refused)" : "")}; report in {Path.GetFullPath(output)}");
        if (result.ShortWeeksWarning is { } warning)
        {
            // The report is written anyway (it is what the target showed), but its short weeks must not pass for results.
            Console.Error.WriteLine($"warning: {warning}");
        }

        return 0;
    }

    /// <summary>Stress mode: the scenario against today's alignment and each plan file, side by side.</summary>
    private static async Task<int> StressTestAsync(Scenario scenario, IReadOnlyList<string> planFiles, string output, Action<string> progress)
    {
        var plans = new List<(string, Planning.Plans.PlanDocument)>();
        foreach (var file in planFiles)
        {
            try
            {
                var plan = System.Text.Json.JsonSerializer.Deserialize<Planning.Plans.PlanDocument>(File.ReadAllBytes(file), Application.TerritoryGridJson.Options)
                    ?? throw new System.Text.Json.JsonException("the file holds no plan");
                plans.Add((plan.Name ?? Path.GetFileNameWithoutExtension(file), plan));
            }
            catch (Exception error) when (error is System.Text.Json.JsonException or IOException)
            {
                Console.Error.WriteLine($"{file}: {error.Message}");
                return 2;
            }
        }

        var result = await new Stress.StressTest(progress).RunAsync(scenario, plans);
        Console.Error.WriteLine();
        Stress.ComparisonReport.Write(result, output);
        foreach (var variant in result.Variants)
        {
            var f = variant.Figures!;
            Console.WriteLine($"{variant.Name,-24} under-served territory-weeks {f.TerritoryWeeksUnderServed,4}  over-served {f.TerritoryWeeksOverServed,4}  workload CV {f.MeanWorkloadCv:0.000}  accounts moved {f.AccountsMoved,6:N0}  revenue at risk {f.RevenueAtRisk,14:N0}");
        }

        Console.WriteLine($"comparison in {Path.GetFullPath(Path.Combine(output, "comparison.html"))}");
        return 0;
    }

    private static List<string> Options(string[] args, string name) =>
        [.. args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Length).Select(x => args[x.i + 1])];

    /// <summary>A text progress bar from the "week N/M" the runner reports.</summary>
    private static string Bar(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var fraction = parts.Length > 1 && parts[1].Split('/') is [var done, var total] && int.TryParse(done, out var d) && int.TryParse(total, out var t) && t > 0
            ? Math.Clamp((double)d / t, 0, 1)
            : 0;
        var filled = (int)(fraction * 30);
        return $"[{new string('#', filled)}{new string('-', 30 - filled)}]";
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
