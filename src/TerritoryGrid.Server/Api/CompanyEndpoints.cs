using TerritoryGrid.Server.Security;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TerritoryGrid.Application;
using TerritoryGrid.Application.Companies;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Server.Api;

internal static class CompanyEndpoints
{
    /// <summary>Largest company document accepted (a 100,000-account company is about 40 MB of JSON).</summary>
    public const long MaxCompanyBytes = 512L * 1024 * 1024;

    public static RouteGroupBuilder MapCompany(this RouteGroupBuilder workspace)
    {
        workspace.MapPut("/company", LoadAsync)
            .RequireRole(Roles.Ingest)
            .RequireRateLimiting(LimitExtensions.IngestPolicy)
            .WithMetadata(new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutAttribute(LimitExtensions.LongPolicy))
            .WithSummary("Create or replace the workspace's company")
            .WithDescription("Validates the whole company (territories, reps, accounts and assignments) before applying anything; every error names the entity, its id and the field. Segments missing from accounts are derived from annual net profit (Pareto by default). A replaced company starts a new generation: its metrics start empty.")
            .Accepts<CompanyDefinition>("application/json")
            .Produces<CompanyLoadResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new RequestSizeLimitAttribute(MaxCompanyBytes));
        workspace.MapGet("/company", GetAsync)
            .RequireRole(Roles.Viewer)
            .RequireWholeCompany("the whole company definition")
            .WithSummary("The workspace's company definition, as loaded (with derived segments)")
            .Produces<CompanyDefinition>();
        workspace.MapPost("/company/copy", CopyAsync)
            .RequireRole(Roles.Ingest)
            .WithMetadata(new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutAttribute(LimitExtensions.LongPolicy))
            .WithSummary("Copy another workspace's company into this sandbox (the definition, not the activity)")
            .Produces<CompanyLoadResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return workspace;
    }

    private static async Task<Results<Ok<CompanyLoadResult>, BadRequest<CompanyLoadResult>, ProblemHttpResult>> LoadAsync(
        string workspace, HttpRequest request, CompanyLoader loader, CancellationToken cancellationToken)
    {
        if (ApiErrors.CheckWorkspace(workspace) is { } invalid)
        {
            return invalid;
        }

        CompanyDefinition? company;
        try
        {
            company = await JsonSerializer.DeserializeAsync<CompanyDefinition>(request.Body, TerritoryGridJson.Options, cancellationToken);
        }
        catch (JsonException error)
        {
            return ApiErrors.MalformedJson(error);
        }
        catch (BadHttpRequestException error)
        {
            return ApiErrors.FromBadRequest(error);
        }

        return await ApplyAsync(workspace, company, loader, request.HttpContext, cancellationToken);
    }

    private static async Task<Results<Ok<CompanyLoadResult>, BadRequest<CompanyLoadResult>, ProblemHttpResult>> CopyAsync(
        string workspace, string from, IGrainFactory grains, CompanyLoader loader, HttpContext context, CancellationToken cancellationToken)
    {
        if ((ApiErrors.CheckWorkspace(workspace) ?? ApiErrors.CheckWorkspace(from)) is { } invalid)
        {
            return invalid;
        }

        if (workspace == WorkspaceName.Live)
        {
            return ApiErrors.BadRequest("the live workspace cannot be overwritten by a copy; copy into a sandbox workspace");
        }

        var definition = await grains.GetGrain<IWorkspaceGrain>(from).GetDefinition();
        if (definition is null)
        {
            return ApiErrors.NotFound($"workspace '{from}' has no company to copy");
        }

        var company = JsonSerializer.Deserialize<CompanyDefinition>(definition, TerritoryGridJson.Options);
        return await ApplyAsync(workspace, company, loader, context, cancellationToken);
    }

    private static async Task<Results<Ok<CompanyLoadResult>, BadRequest<CompanyLoadResult>, ProblemHttpResult>> ApplyAsync(
        string workspace, CompanyDefinition? company, CompanyLoader loader, HttpContext context, CancellationToken cancellationToken)
    {
        WorkspaceHeader.Set(context, workspace);
        var result = await loader.LoadAsync(workspace, company, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result) : TypedResults.BadRequest(result);
    }

    private static async Task<IResult> GetAsync(string workspace, IGrainFactory grains, HttpContext context)
    {
        if (ApiErrors.CheckWorkspace(workspace) is { } invalid)
        {
            return invalid;
        }

        WorkspaceHeader.Set(context, workspace);
        var definition = await grains.GetGrain<IWorkspaceGrain>(workspace).GetDefinition();
        return definition is null
            ? ApiErrors.NotFound($"workspace '{workspace}' has no company")
            : Results.Bytes(definition, "application/json");
    }
}
