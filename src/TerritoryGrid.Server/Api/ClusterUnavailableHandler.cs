using Microsoft.AspNetCore.Diagnostics;

namespace TerritoryGrid.Server.Api;

/// <summary>
/// While the cluster has not yet declared a lost silo dead, calls to grains that lived there fail. Those failures are
/// transient: answer 503 with Retry-After, so clients retry (event ids make a retried batch safe), instead of a 500.
/// </summary>
internal sealed partial class ClusterUnavailableHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsTransient(exception))
        {
            return false;
        }

        LogTransient(logger, httpContext.Request.Path, exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Cluster recovering",
                Detail = "A silo this request needed is unavailable while the cluster recovers. Retry the same request: " +
                         "events it already applied are counted as duplicates, never twice.",
            },
        });
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: answered 503 after a transient cluster failure ({Exception})")]
    private static partial void LogTransient(ILogger logger, PathString path, string exception);
}
