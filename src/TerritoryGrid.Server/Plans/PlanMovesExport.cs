using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TerritoryGrid.Application.Plans;
using TerritoryGrid.Server.Api;
using TerritoryGrid.Server.Export;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Plans;

/// <summary>
/// An applied plan's account moves as CSV, so the CRM can take the decision back: account_id, territory_id and
/// owner_rep_id as the accounts export and the plan CSV import name them (the file is itself a plan of those moves),
/// with where each account came from and the effective time.
/// </summary>
internal static class PlanMovesExport
{
    public static RouteGroupBuilder MapPlanMovesExport(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/plans/{planId}/moves.csv", MovesAsync).WithTags("Plans").RequireRole(Roles.Planner).RequireWholeCompany("plans")
            .WithSummary("An applied plan's account moves as CSV: account, new territory and owner, former territory and owner, effective time")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return workspace;
    }

    private static async Task<IResult> MovesAsync(string workspace, string planId, PlanService plans)
    {
        var (moves, effectiveAt, failure) = await plans.AppliedMovesAsync(workspace, planId);
        if (moves is null)
        {
            return failure!.MissingPlan is not null
                ? ApiErrors.NotFound($"no plan '{planId}' in workspace '{workspace}'")
                : TypedResults.Problem(failure.ConflictReason, statusCode: StatusCodes.Status409Conflict, title: "Not applied");
        }

        var csv = new CsvWriter().Header("account_id", "account_name", "territory_id", "owner_rep_id", "from_territory_id", "from_owner_rep_id", "effective_at");
        foreach (var move in moves.OrderBy(m => m.AccountId, StringComparer.Ordinal))
        {
            csv.Text(move.AccountId).Text(move.AccountName).Text(move.TerritoryId).Text(move.OwnerRepId)
                .Text(move.FromTerritoryId).Text(move.FromOwnerRepId).Text(effectiveAt.ToString("O")).EndLine();
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"{workspace}-{planId}-moves.csv");
    }
}
