using System.Security.Claims;
using TerritoryGrid.Server.Dashboard;
using TerritoryGrid.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using TerritoryGrid.Application.Queries;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Server.Api;

internal static class MetricsEndpoints
{
    public static RouteGroupBuilder MapMetrics(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/territories", ListTerritoriesAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("Every territory with its status and KPIs")
            .WithDescription("status filters (underServed, balanced, overServed); sort by name, coverage, adherence, revenue, netProfit, conversion, demandHours, revenueAtRisk or status; desc=true for descending. asOf=yyyy-MM-dd: the figures at the end of that event-time day (UTC), from daily snapshots; territories with none of that day are named in notRecorded. view=overview: each territory as the dashboard's overview shows it (the fields of the hub's overview frames, coverage trend included; ~1 KB of JSON a territory instead of ~13 KB).")
            .Produces<TerritoryList>()
            .WithMetadata(new AlternativeOkResponse(typeof(TerritoryOverviewList)))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        workspace.MapGet("/territories/{territoryId}", TerritoryAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("A territory with its reps and status history")
            .WithDescription("asOf=yyyy-MM-dd: the territory at the end of that event-time day (UTC) with its status history up to then, from its daily snapshot (reps are not kept per day: the list is empty).")
            .Produces<TerritoryDetail>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        workspace.MapGet("/reps/{repId}", RepAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("A rep with the accounts the rep owns")
            .Produces<RepDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        workspace.MapGet("/accounts/{accountId}", AccountAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("An account's live figures")
            .Produces<AccountView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        workspace.MapGet("/balance", BalanceAsync)
            .RequireRole(Roles.Viewer)
            .RequireWholeCompany("the company-wide balance")
            .WithSummary("Company-wide balance: coefficient of variation and max/min of workload and potential per rep")
            .Produces<CompanyBalance>();
        return workspace;
    }

    /// <summary>
    /// The territory list, named with its workspace and the alignment version it reflects (0 as loaded; one more per
    /// applied plan; each territory says its event-time watermark); for an "as of" read, the day and the territories
    /// with no figures recorded for it (null for a live read). <paramref name="Recovering"/>: a live read from a server
    /// still warming up after a restart, whose figures may leave out events acknowledged before it.
    /// </summary>
    public sealed record TerritoryList(
        string Workspace, int Generation, int AlignmentVersion, IReadOnlyList<TerritoryMetrics> Territories, string? AsOf = null,
        IReadOnlyList<string>? NotRecorded = null, string? Currency = null, bool Recovering = false);

    /// <summary>The same list with each territory as the overview shows it (<c>view=overview</c>).</summary>
    public sealed record TerritoryOverviewList(
        string Workspace, int Generation, int AlignmentVersion, IReadOnlyList<TerritoryOverview> Territories, string? AsOf,
        IReadOnlyList<string>? NotRecorded, string? Currency, bool Recovering)
    {
        public static TerritoryOverviewList Of(TerritoryList list) => new(
            list.Workspace, list.Generation, list.AlignmentVersion, [.. list.Territories.Select(TerritoryOverview.Of)], list.AsOf,
            list.NotRecorded, list.Currency, list.Recovering);
    }

    /// <summary>An account, named with its workspace; amounts in <paramref name="Currency"/>.</summary>
    public sealed record AccountView(string Workspace, AccountMetrics Account, int AlignmentVersion = 0, string? Currency = null);

    private static async Task<Results<Ok<TerritoryList>, Ok<TerritoryOverviewList>, ProblemHttpResult>> ListTerritoriesAsync(
        string workspace, MetricsReader reader, AsOfReader history, Hosting.RecoveryState recovery, ClaimsPrincipal user,
        string? status = null, string? sort = null, bool desc = false, string? asOf = null, string? view = null)
    {
        var overview = string.Equals(view, "overview", StringComparison.OrdinalIgnoreCase);
        if (view is not null && !overview && !string.Equals(view, "full", StringComparison.OrdinalIgnoreCase))
        {
            return ApiErrors.BadRequest($"view '{view}' is not one of full, overview");
        }

        var result = (await TerritoryListAsync(workspace, reader, history, recovery, user, status, sort, desc, asOf)).Result;
        return result switch
        {
            Ok<TerritoryList> { Value: { } list } when overview => TypedResults.Ok(TerritoryOverviewList.Of(list)),
            Ok<TerritoryList> whole => whole,
            _ => (ProblemHttpResult)result,
        };
    }

    private static async Task<Results<Ok<TerritoryList>, ProblemHttpResult>> TerritoryListAsync(
        string workspace, MetricsReader reader, AsOfReader history, Hosting.RecoveryState recovery, ClaimsPrincipal user,
        string? status, string? sort, bool desc, string? asOf)
    {
        ServiceStatus? statusFilter = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ServiceStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ApiErrors.BadRequest($"status '{status}' is not one of underServed, balanced, overServed");
            }

            statusFilter = parsed;
        }

        var order = TerritorySort.Name;
        if (sort is not null && (!Enum.TryParse(sort, ignoreCase: true, out order) || !Enum.IsDefined(order)))
        {
            return ApiErrors.BadRequest($"sort '{sort}' is not one of {string.Join(", ", Enum.GetNames<TerritorySort>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}");
        }

        DateOnly day = default;
        if (asOf is not null && !AsOfDate.TryParse(asOf, out day))
        {
            return ApiErrors.BadRequest(AsOfDate.Invalid(asOf));
        }

        var info = await reader.WorkspaceAsync(workspace);
        var scope = CallerScope.Of(user);
        if (asOf is null)
        {
            // Read before the figures: a warm-up that ends while they are read may have left them out.
            var recovering = recovery.Recovering;
            var territories = (await reader.TerritoriesAsync(workspace, statusFilter, order, desc)).Where(scope.Allows).ToList();
            return TypedResults.Ok(new TerritoryList(
                workspace, info.Generation, info.AlignmentVersion, territories, Currency: await reader.CurrencyAsync(workspace), Recovering: recovering));
        }

        if (AsOfDate.BeforePlan(day, info.PlanStart, workspace) is { } before)
        {
            return ApiErrors.NotFound(before);
        }

        var found = await history.TerritoriesAsync(workspace, day);
        var recorded = found.Territories.Where(scope.Allows).ToList();
        var missing = found.NotRecorded.Where(scope.Allows).ToList();
        if (recorded.Count == 0 && missing.Count > 0)
        {
            return ApiErrors.NotFound(AsOfDate.NoneRecorded(day, missing.Max(t => t.Watermark)));
        }

        return TypedResults.Ok(new TerritoryList(
            workspace, info.Generation, info.AlignmentVersion, TerritoryOrder.Apply(recorded, statusFilter, order, desc), day.ToString(AsOfDate.Format, System.Globalization.CultureInfo.InvariantCulture), [.. missing.Select(t => t.Id)],
            await reader.CurrencyAsync(workspace)));
    }

    private static async Task<Results<Ok<TerritoryDetail>, ProblemHttpResult>> TerritoryAsync(
        string workspace, string territoryId, MetricsReader reader, AsOfReader history, ClaimsPrincipal user, string? asOf = null)
    {
        if (asOf is not null)
        {
            return await TerritoryAsOfAsync(workspace, territoryId, asOf, reader, history, user);
        }

        if (await reader.TerritoryAsync(workspace, territoryId) is not { } detail)
        {
            return ApiErrors.NotFound($"no territory '{territoryId}' in workspace '{workspace}'");
        }

        var scope = CallerScope.Of(user);
        return scope.Allows(detail.Territory) ? TypedResults.Ok(detail) : ApiErrors.OutsideScope($"territory '{territoryId}'", scope);
    }

    private static async Task<Results<Ok<TerritoryDetail>, ProblemHttpResult>> TerritoryAsOfAsync(
        string workspace, string territoryId, string asOf, MetricsReader reader, AsOfReader history, ClaimsPrincipal user)
    {
        if (!AsOfDate.TryParse(asOf, out var day))
        {
            return ApiErrors.BadRequest(AsOfDate.Invalid(asOf));
        }

        var info = await reader.WorkspaceAsync(workspace);
        if (AsOfDate.BeforePlan(day, info.PlanStart, workspace) is { } before)
        {
            return ApiErrors.NotFound(before);
        }

        var scope = CallerScope.Of(user);
        if (await history.TerritoryAsync(workspace, territoryId, day) is { } detail)
        {
            return scope.Allows(detail.Territory) ? TypedResults.Ok(detail) : ApiErrors.OutsideScope($"territory '{territoryId}'", scope);
        }

        // No snapshot: say whether the territory exists (and may be seen) before saying the day is not recorded.
        if (await reader.TerritoryAsync(workspace, territoryId) is not { } current)
        {
            return ApiErrors.NotFound($"no territory '{territoryId}' in workspace '{workspace}'");
        }

        return scope.Allows(current.Territory)
            ? ApiErrors.NotFound(AsOfDate.NotRecorded(territoryId, day, current.Territory.Watermark))
            : ApiErrors.OutsideScope($"territory '{territoryId}'", scope);
    }

    private static async Task<Results<Ok<RepDetail>, ProblemHttpResult>> RepAsync(string workspace, string repId, MetricsReader reader, ClaimsPrincipal user)
    {
        if (await reader.RepAsync(workspace, repId) is not { } detail)
        {
            return ApiErrors.NotFound($"no rep '{repId}' in workspace '{workspace}'");
        }

        var scope = CallerScope.Of(user);
        return await scope.AllowsAsync(reader, workspace, detail.Rep.TerritoryId)
            ? TypedResults.Ok(detail)
            : ApiErrors.OutsideScope($"rep '{repId}' (territory '{detail.Rep.TerritoryId}')", scope);
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> AccountAsync(
        string workspace, string accountId, MetricsReader reader, ClaimsPrincipal user)
    {
        if (await reader.AccountAsync(workspace, accountId) is not { } account)
        {
            return ApiErrors.NotFound($"no account '{accountId}' in workspace '{workspace}'");
        }

        var scope = CallerScope.Of(user);
        return await scope.AllowsAsync(reader, workspace, account.TerritoryId)
            ? TypedResults.Ok(new AccountView(workspace, account, (await reader.WorkspaceAsync(workspace)).AlignmentVersion, await reader.CurrencyAsync(workspace)))
            : ApiErrors.OutsideScope($"account '{accountId}' (territory '{account.TerritoryId}')", scope);
    }

    private static async Task<Ok<CompanyBalance>> BalanceAsync(string workspace, MetricsReader reader) =>
        TypedResults.Ok(await reader.BalanceAsync(workspace));
}
