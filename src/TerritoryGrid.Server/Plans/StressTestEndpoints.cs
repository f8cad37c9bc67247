using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TerritoryGrid.Application;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Plans;
using TerritoryGrid.Planning.Plans;
using TerritoryGrid.Server.Api;
using TerritoryGrid.Server.Security;
using TerritoryGrid.Simulator.Running;
using TerritoryGrid.Simulator.Scenarios;

namespace TerritoryGrid.Server.Plans;

/// <summary>
/// Plan stress tests through the API: start one (a scenario and plans), follow it, read its comparison as JSON, CSV
/// or HTML. Each alignment runs in a sandbox of its own ("{workspace}-{test}-{n}"), which the dashboard can open.
/// </summary>
internal static class StressTestEndpoints
{
    public static RouteGroupBuilder MapStressTests(this RouteGroupBuilder workspace)
    {
        var tests = workspace.MapGroup("/stress-tests").WithTags("Plans");
        tests.MapPost("/", StartAsync).RequireRole(Roles.Planner).RequireWholeCompany("stress tests")
            .WithSummary("Stress-test plans: the scenario against today's alignment and each plan, side by side (202; one test runs at a time)")
            .WithDescription("The body is {scenario, planIds}: scenario in the simulator's format (simulations/README.md); its company is the workspace's own. A period in the future is moved by whole weeks to end today.")
            .Accepts<StressTestRequest>("application/json")
            .Produces<StressTestView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        tests.MapGet("/", ListAsync).RequireRole(Roles.Planner).RequireWholeCompany("stress tests")
            .WithSummary("The workspace's stress tests, with progress and results").Produces<StressTestView[]>();
        tests.MapGet("/{testId}", GetAsync).RequireRole(Roles.Planner).RequireWholeCompany("stress tests")
            .WithSummary("A stress test: status, progress, and per alignment the comparison figures").Produces<StressTestView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        tests.MapGet("/{testId}/comparison.csv", CsvAsync).RequireRole(Roles.Planner).RequireWholeCompany("stress tests")
            .WithSummary("The comparison as CSV, one row per alignment").Produces<string>(contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        tests.MapGet("/{testId}/comparison.html", HtmlAsync).RequireRole(Roles.Planner).RequireWholeCompany("stress tests")
            .WithSummary("The comparison as a page, the best value of each measure marked").Produces<string>(contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return workspace;
    }

    private static async Task<Results<Accepted<StressTestView>, ProblemHttpResult>> StartAsync(
        string workspace, HttpRequest request, IGrainFactory grains, StressTestService runner, ClaimsPrincipal user)
    {
        StressTestRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<StressTestRequest>(request.Body, TerritoryGridJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException error)
        {
            return ApiErrors.MalformedJson(error);
        }

        if (body?.Scenario is not { } scenarioJson)
        {
            return ApiErrors.BadRequest("the body needs a scenario (the simulator's format) and planIds");
        }

        Scenario? scenario;
        try
        {
            scenario = scenarioJson.Deserialize<Scenario>(TerritoryGridJson.Options);
        }
        catch (JsonException error)
        {
            return ApiErrors.BadRequest($"scenario {error.Path}: {error.Message.Split(" Path:")[0]}");
        }

        // The plans are written against this workspace's company: that is the company the season meets.
        scenario = scenario is null ? null : scenario with { Company = new ScenarioCompany(FromWorkspace: workspace) };
        var errors = ScenarioLoader.Validate("scenario", scenario);
        if (errors.Count > 0)
        {
            return ApiErrors.BadRequest(string.Join("; ", errors));
        }

        var book = grains.GetGrain<IPlanBookGrain>(workspace);
        var plans = new List<(string, PlanDocument)>();
        foreach (var id in body.PlanIds ?? [])
        {
            if (await book.Get(id) is not { } plan)
            {
                return ApiErrors.BadRequest($"planIds: no plan '{id}' in workspace '{workspace}'");
            }

            plans.Add(($"{plan.Id}: {plan.Name}", JsonSerializer.Deserialize<PlanDocument>(plan.Document, TerritoryGridJson.Options)!));
        }

        var tests = grains.GetGrain<IStressTestBookGrain>(workspace);
        var record = await tests.Start(scenario!.Name, [.. body.PlanIds ?? []], user.Identity?.Name ?? "unknown");
        var sandboxes = Enumerable.Range(0, plans.Count + 1).Select(i => StressTestService.SandboxOf(workspace, record.Id, i)).ToArray();
        if (sandboxes.FirstOrDefault(s => !Application.Companies.WorkspaceName.IsValid(s)) is { } invalid)
        {
            await tests.Update(record with { Status = StressTestRecord.Failed, Error = $"sandbox name '{invalid}' is too long", FinishedAt = DateTimeOffset.UtcNow });
            return ApiErrors.BadRequest($"the sandbox names '{invalid}' would be too long: use a shorter workspace name ({Application.Companies.WorkspaceName.Rule})");
        }

        record = record with { Workspaces = sandboxes };
        await tests.Update(record);
        if (!runner.TryQueue(workspace, record, LiveRunner.EndingToday(scenario, DateOnly.FromDateTime(DateTime.UtcNow)), [.. plans]))
        {
            await tests.Update(record with { Status = StressTestRecord.Failed, Error = "the stress-test queue is full", FinishedAt = DateTimeOffset.UtcNow });
            return TypedResults.Problem($"{StressTestService.QueueLength} stress tests are already waiting: try again when one has finished",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
        }

        return TypedResults.Accepted($"/api/workspaces/{workspace}/stress-tests/{record.Id}", StressTestView.Of(record));
    }

    private static async Task<Ok<StressTestView[]>> ListAsync(string workspace, IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IStressTestBookGrain>(workspace).List()).Select(StressTestView.Of).ToArray());

    private static async Task<Results<Ok<StressTestView>, ProblemHttpResult>> GetAsync(string workspace, string testId, IGrainFactory grains) =>
        await grains.GetGrain<IStressTestBookGrain>(workspace).Get(testId) is { } test
            ? TypedResults.Ok(StressTestView.Of(test))
            : ApiErrors.NotFound($"no stress test '{testId}' in workspace '{workspace}'");

    private static async Task<IResult> CsvAsync(string workspace, string testId, IGrainFactory grains) =>
        await grains.GetGrain<IStressTestBookGrain>(workspace).Get(testId) is { ComparisonCsv: { } csv }
            ? Results.Text(csv, "text/csv")
            : ApiErrors.NotFound($"no finished stress test '{testId}' in workspace '{workspace}'");

    private static async Task<IResult> HtmlAsync(string workspace, string testId, IGrainFactory grains) =>
        await grains.GetGrain<IStressTestBookGrain>(workspace).Get(testId) is { ComparisonHtml: { } html }
            ? Results.Text(html, "text/html")
            : ApiErrors.NotFound($"no finished stress test '{testId}' in workspace '{workspace}'");
}

/// <summary>A stress test as the API shows it, with its figures parsed.</summary>
public sealed record StressTestView(
    string Id, string Scenario, string[] PlanIds, string StartedBy, DateTimeOffset StartedAt, string Status, string? Progress,
    DateTimeOffset? FinishedAt, string? Error, string[]? Workspaces, JsonElement? Figures)
{
    public static StressTestView Of(StressTestRecord test) => new(
        test.Id, test.Scenario, test.PlanIds, test.StartedBy, test.StartedAt, test.Status, test.Progress, test.FinishedAt, test.Error,
        test.Workspaces, test.FiguresJson is null ? null : JsonDocument.Parse(test.FiguresJson).RootElement.Clone());
}
