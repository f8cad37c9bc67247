using TerritoryGrid.Simulator.Reporting;
using TerritoryGrid.Simulator.Running;
using TerritoryGrid.Simulator.Scenarios;

namespace TerritoryGrid.Simulator;

/// <summary>
/// territorygrid-simulate SCENARIO.json [--out DIRECTORY]: runs the scenario in batch mode (its own silo, as fast as
/// possible) and writes weekly.csv, summary.csv, balance.csv and report.html. Exit code 2 for a bad scenario.
/// </summary>
public static class SimulatorMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("usage: territorygrid-simulate SCENARIO.json [--out DIRECTORY]");
            return args.Length == 0 ? 2 : 0;
        }

        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine("simulation-reports", Path.GetFileNameWithoutExtension(args[0]));
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

        var runner = new BatchRunner(line => Console.Error.Write($"\r{line}"));
        var result = await runner.RunAsync(scenario);
        Console.Error.WriteLine();
        CsvReport.Write(result, output);
        File.WriteAllText(Path.Combine(output, "report.html"), HtmlReport.Render(result));
        Console.WriteLine($"{result.Events:N0} events over {scenario.Period.Weeks} weeks in {result.Seconds:0.0} s; report in {Path.GetFullPath(output)}");
        return 0;
    }
}
