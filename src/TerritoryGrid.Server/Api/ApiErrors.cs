using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TerritoryGrid.Application.Companies;

namespace TerritoryGrid.Server.Api;

/// <summary>Problem responses that say what is wrong and where.</summary>
internal static class ApiErrors
{
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>A caller limited to part of the company asked for something outside it.</summary>
    public static ProblemHttpResult OutsideScope(string what, Security.CallerScope scope) =>
        TypedResults.Problem(detail: $"{what} is outside what this key may see ({scope.Describe()})", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static ProblemHttpResult MalformedJson(JsonException error) =>
        BadRequest($"malformed JSON{Where(error)}: {FirstSentence(error.Message)}");

    /// <summary>Kestrel's refusals (a body over the size limit: 413) keep their status and say why.</summary>
    public static ProblemHttpResult FromBadRequest(BadHttpRequestException error) =>
        TypedResults.Problem(detail: error.Message, statusCode: error.StatusCode, title: error.StatusCode == 413 ? "Payload too large" : "Bad request");

    public static ProblemHttpResult? CheckWorkspace(string workspace) =>
        WorkspaceName.IsValid(workspace) ? null : BadRequest($"workspace '{Truncate(workspace)}' is not a valid name: {WorkspaceName.Rule}");

    private static string Where(JsonException error) =>
        error.Path is null && error.LineNumber is null
            ? ""
            : $" at {error.Path ?? "$"} (line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1})";

    /// <summary>The serializer's message without its location (said before it) nor, for a null, the .NET type it names.</summary>
    private static string FirstSentence(string message)
    {
        if (message.Contains("doesn't allow null values", StringComparison.Ordinal))
        {
            return "null is not allowed here";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
