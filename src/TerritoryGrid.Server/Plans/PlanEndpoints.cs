using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TerritoryGrid.Application;
using TerritoryGrid.Application.Plans;
using TerritoryGrid.Contracts.Plans;
using TerritoryGrid.Planning.Plans;
using TerritoryGrid.Server.Api;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Plans;

/// <summary>
/// Reassignment plans: planners write, check and approve (someone else's) plans and schedule them; an admin applies a
/// scheduled plan to the running workspace. Plans change the whole alignment, so scoped keys cannot use them.
/// </summary>
internal static class PlanEndpoints
{
    public static RouteGroupBuilder MapPlans(this RouteGroupBuilder workspace)
    {
        var plans = workspace.MapGroup("/plans").WithTags("Plans");
        plans.MapPost("/", DraftAsync).RequireRole(Roles.Planner).RequireWholeCompany("plans")
            .WithSummary("Write a plan (a draft): checked whole against the current alignment; 400 lists every problem")
            .WithDescription("The body is a plan {name, description?, effectiveAt?, moves: [{kind, ...}]} with kinds moveAccount, moveRep, splitTerritory, mergeTerritories, addRep, removeRep (see README, Reassignment plans).")
            .Accepts<PlanDocument>("application/json")
            .Produces<PlanView>(StatusCodes.Status201Created)
            .Produces<PlanProblems>(StatusCodes.Status400BadRequest);
        plans.MapPost("/csv", DraftFromCsvAsync).RequireRole(Roles.Planner).RequireWholeCompany("plans")
            .WithSummary("Write a plan of account moves from CSV (?name=, ?effectiveAt=): columns account_id and owner_rep_id and/or territory_id, as the accounts export has them; rows that already hold are skipped")
            .Produces<PlanView>(StatusCodes.Status201Created)
            .Produces<PlanProblems>(StatusCodes.Status400BadRequest);
        plans.MapPost("/propose", ProposeAsync).RequireRole(Roles.Planner).RequireWholeCompany("plans")
            .WithMetadata(new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutAttribute(LimitExtensions.LongPolicy))
            .WithSummary("Ask the optimiser for a rebalancing plan within a disruption budget, from the live figures; one with moves is stored as the caller's draft")
            .WithDescription("Body (all optional): {name, disruptionBudget (share of account value, default 0.05), maxShareOfAccountsMoved, maxUtilisation (1.1), compactnessWeight (0.05), strongRelationshipAt (touches by the owner, 8), mayMoveStrongRelationships, effectiveAt}. 503 while another proposal is being computed.")
            .Produces<ProposalView>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        plans.MapGet("/", ListAsync).RequireRole(Roles.Planner).RequireWholeCompany("plans")
            .WithSummary("Every plan of the workspace with its steps").Produces<PlanView[]>();
        plans.MapGet("/{planId}", GetAsync).RequireRole(Roles.Planner).RequireWholeCompany("plans")
            .WithSummary("One plan with its steps (who, when, and the metrics before an application)")
            .Produces<PlanView>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{planId}/check", CheckAsync).RequireRole(Roles.Planner).RequireWholeCompany("plans")
            .WithSummary("Check a plan against the current alignment: what it would change now (disruption), or every problem")
            .Produces<PlanView>().Produces<PlanProblems>(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{planId}/approve", ApproveAsync).RequireRole(Roles.Planner).RequireWholeCompany("plans")
            .WithSummary("Approve a draft (not its own author's); 409 when out of order")
            .Produces<PlanView>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{planId}/schedule", ScheduleAsync).RequireRole(Roles.Planner).RequireWholeCompany("plans")
            .WithSummary("Schedule an approved plan with its effective time (?effectiveAt=, event time; default: the plan's own)")
            .Produces<PlanView>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{planId}/apply", ApplyAsync).RequireRole(Roles.Admin).RequireWholeCompany("plans")
            .WithMetadata(new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutAttribute(LimitExtensions.LongPolicy))
            .WithSummary("Apply a scheduled plan to the running workspace: one switch of the alignment version, no event lost")
            .Produces<PlanView>().Produces<PlanProblems>(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{planId}/rollback", RollbackAsync).RequireRole(Roles.Planner).RequireWholeCompany("plans")
            .WithSummary("Draft the plan that undoes an applied one (a new plan, through approval like any other; history is never rewritten)")
            .Produces<PlanView>(StatusCodes.Status201Created).Produces<PlanProblems>(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        return workspace;
    }

    private static async Task<Results<Created<PlanView>, BadRequest<PlanProblems>, ProblemHttpResult>> RollbackAsync(
        string workspace, string planId, PlanService plans, ClaimsPrincipal user) =>
        Drafted(workspace, await plans.RollbackAsync(workspace, planId, Who(user)));

    private static async Task<Results<Created<PlanView>, BadRequest<PlanProblems>, ProblemHttpResult>> DraftAsync(
        string workspace, HttpRequest request, PlanService plans, ClaimsPrincipal user)
    {
        PlanDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<PlanDocument>(request.Body, TerritoryGridJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException error)
        {
            return ApiErrors.MalformedJson(error);
        }

        var outcome = await plans.DraftAsync(workspace, document, Who(user));
        return Drafted(workspace, outcome);
    }

    private static async Task<Results<Created<PlanView>, BadRequest<PlanProblems>, ProblemHttpResult>> DraftFromCsvAsync(
        string workspace, HttpRequest request, PlanService plans, ClaimsPrincipal user, string? name = null, DateTimeOffset? effectiveAt = null)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var outcome = await plans.DraftFromCsvAsync(workspace, text, name ?? "Account moves from CSV", effectiveAt, Who(user));
        return Drafted(workspace, outcome);
    }

    private static async Task<Results<Ok<ProposalView>, BadRequest<PlanProblems>, ProblemHttpResult>> ProposeAsync(
        string workspace, HttpRequest request, PlanProposals proposals, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ProposalRequest? body = new();
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                body = await JsonSerializer.DeserializeAsync<ProposalRequest>(request.Body, TerritoryGridJson.Options, cancellationToken);
            }
            catch (JsonException error)
            {
                return ApiErrors.MalformedJson(error);
            }
        }

        var (proposal, draft, busy) = await proposals.ProposeAsync(workspace, body ?? new(), Who(user), cancellationToken);
        if (busy is not null)
        {
            return TypedResults.Problem(busy, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
        }

        return draft is { Plan: null }
            ? TypedResults.BadRequest(new PlanProblems(draft.Problems))
            : TypedResults.Ok(new ProposalView(proposal!.Before, proposal.After, proposal.AccountsMoved, proposal.ValueMoved, proposal.ValueBudget,
                proposal.Improvement, draft?.Plan));
    }

    private static async Task<Ok<PlanView[]>> ListAsync(string workspace, PlanService plans) => TypedResults.Ok(await plans.ListAsync(workspace));

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult>> GetAsync(string workspace, string planId, PlanService plans) =>
        await plans.GetAsync(workspace, planId) is { } plan ? TypedResults.Ok(plan) : NoPlan(workspace, planId);

    private static async Task<Results<Ok<PlanView>, BadRequest<PlanProblems>, ProblemHttpResult>> CheckAsync(
        string workspace, string planId, PlanService plans) => Answer(workspace, await plans.CheckAsync(workspace, planId));

    private static async Task<Results<Ok<PlanView>, BadRequest<PlanProblems>, ProblemHttpResult>> ApproveAsync(
        string workspace, string planId, PlanService plans, ClaimsPrincipal user) =>
        Answer(workspace, await plans.AdvanceAsync(workspace, planId, PlanStatus.Approved, Who(user)));

    private static async Task<Results<Ok<PlanView>, BadRequest<PlanProblems>, ProblemHttpResult>> ScheduleAsync(
        string workspace, string planId, DateTimeOffset? effectiveAt, PlanService plans, ClaimsPrincipal user) =>
        Answer(workspace, await plans.AdvanceAsync(workspace, planId, PlanStatus.Scheduled, Who(user), effectiveAt));

    private static async Task<Results<Ok<PlanView>, BadRequest<PlanProblems>, ProblemHttpResult>> ApplyAsync(
        string workspace, string planId, PlanService plans, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Answer(workspace, await plans.ApplyAsync(workspace, planId, Who(user), cancellationToken));

    /// <summary>A step on a plan: the plan, or 404 (no such plan), 409 (out of order) or 400 (every problem).</summary>
    private static Results<Ok<PlanView>, BadRequest<PlanProblems>, ProblemHttpResult> Answer(string workspace, PlanOutcome outcome) => outcome switch
    {
        { Plan: { } plan } => TypedResults.Ok(plan),
        { MissingPlan: { } id } => NoPlan(workspace, id),
        { ConflictReason: { } reason } => OutOfOrder(reason),
        _ => TypedResults.BadRequest(new PlanProblems(outcome.Problems)),
    };

    /// <summary>A new draft (written, from CSV, or a rollback): 201 with its address, or the same refusals as a step.</summary>
    private static Results<Created<PlanView>, BadRequest<PlanProblems>, ProblemHttpResult> Drafted(string workspace, PlanOutcome outcome) => outcome switch
    {
        { Plan: { } plan } => TypedResults.Created($"/api/workspaces/{workspace}/plans/{plan.Id}", plan),
        { MissingPlan: { } id } => NoPlan(workspace, id),
        { ConflictReason: { } reason } => OutOfOrder(reason),
        _ => TypedResults.BadRequest(new PlanProblems(outcome.Problems)),
    };

    private static ProblemHttpResult NoPlan(string workspace, string planId) => ApiErrors.NotFound($"no plan '{planId}' in workspace '{workspace}'");

    private static ProblemHttpResult OutOfOrder(string reason) =>
        TypedResults.Problem(reason, statusCode: StatusCodes.Status409Conflict, title: "Out of order");

    private static string Who(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}

/// <summary>The optimiser's proposal: the figures before and after, what it moves against the budget, and its draft (none when nothing improves).</summary>
public sealed record ProposalView(
    TerritoryGrid.Optimisation.Proposals.AlignmentFigures Before, TerritoryGrid.Optimisation.Proposals.AlignmentFigures After,
    int AccountsMoved, double ValueMoved, double ValueBudget, double Improvement, PlanView? Plan);

/// <summary>Why a plan was refused: every problem, each naming where (moves[i].field, or plan) and what.</summary>
public sealed record PlanProblems(IReadOnlyList<PlanProblem> Problems);
