using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TerritoryGrid.Application.Backup;
using TerritoryGrid.Server.Api;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Backup;

/// <summary>
/// Backup and restore of a workspace (company, grain states, activity log) as one file, for an admin: taken from a
/// running deployment, restored into one where the workspace holds no company, embedded or cluster alike.
/// </summary>
internal static class BackupEndpoints
{
    public static RouteGroupBuilder MapBackup(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/backup", BackupAsync).RequireRole(Roles.Admin).RequireWholeCompany("backups")
            .WithMetadata(new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutAttribute(LimitExtensions.LongPolicy))
            .WithTags("Backup")
            .WithSummary("Back up the workspace's current company to one file (zip): company, grain states, activity log; taken while it runs")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        workspace.MapPost("/restore", RestoreAsync).RequireRole(Roles.Admin).RequireWholeCompany("backups")
            .WithMetadata(new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutAttribute(LimitExtensions.LongPolicy))
            // A backup is as large as the company and its history: no size limit for an admin's restore.
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .WithTags("Backup")
            .WithSummary("Restore a backup file (the request body) into this workspace, which must hold no company; the file is checked whole before anything is applied")
            // No Accepts<>(): its content-type matching would answer 415 before authentication (and refuse curl's default type).
            .WithDescription("The body is the file GET …/backup returned, as is (curl --data-binary @FILE); any content type.")
            .Produces<RestoreResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return workspace;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> BackupAsync(
        string workspace, WorkspaceBackup backup, CancellationToken cancellationToken)
    {
        var file = TemporaryFile.Create();
        try
        {
            var manifest = await backup.WriteAsync(workspace, file, cancellationToken);
            file.Position = 0;
            // The result disposes the file once sent, which deletes it.
            return TypedResults.File(file, "application/zip", BackupFormat.FileName(workspace, manifest.Generation, manifest.CreatedAt));
        }
        catch (WorkspaceChangedException changed)
        {
            await file.DisposeAsync();
            return TypedResults.Problem(changed.Message, statusCode: StatusCodes.Status409Conflict, title: "Cannot back up now");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task<Results<Ok<RestoreResult>, ProblemHttpResult>> RestoreAsync(
        string workspace, HttpRequest request, WorkspaceRestore restore, CancellationToken cancellationToken)
    {
        try
        {
            // Before the upload: a refusal should not wait for a large file.
            await restore.CheckEmptyAsync(workspace);
            await using var file = TemporaryFile.Create();
            await request.Body.CopyToAsync(file, cancellationToken);
            if (file.Length == 0)
            {
                return ApiErrors.BadRequest("the request has no body: send the backup file as is, e.g. curl --data-binary @backup.zip");
            }

            file.Position = 0;
            return TypedResults.Ok(await restore.RestoreAsync(workspace, file, cancellationToken));
        }
        catch (RestoreRefusedException refused) when (refused.Reason == RestoreRefusal.WorkspaceNotEmpty)
        {
            return TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status409Conflict, title: "Workspace not empty");
        }
        catch (RestoreRefusedException refused)
        {
            return ApiErrors.BadRequest(refused.Message);
        }
        catch (BadHttpRequestException error)
        {
            return ApiErrors.FromBadRequest(error);
        }
    }
}
