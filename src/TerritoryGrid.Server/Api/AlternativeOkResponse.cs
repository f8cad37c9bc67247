using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TerritoryGrid.Server.Api;

/// <summary>Marks an endpoint whose 200 answers <paramref name="Shape"/> instead of its usual body when a query asks for it.</summary>
internal sealed record AlternativeOkResponse(Type Shape);

internal static class AlternativeOkResponses
{
    /// <summary>
    /// An OpenAPI response has one schema per media type, so a second <c>Produces</c> for the same status replaces the
    /// first; <c>oneOf</c> lets a generated client see both shapes (the territory listing's full and overview views).
    /// </summary>
    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        var alternative = context.Description.ActionDescriptor.EndpointMetadata.OfType<AlternativeOkResponse>().LastOrDefault();
        if (alternative is null || operation.Responses is null || !operation.Responses.TryGetValue("200", out var ok) || ok.Content is null)
        {
            return;
        }

        var other = await context.GetOrCreateSchemaAsync(alternative.Shape, null, cancellation);
        foreach (var media in ok.Content.Values)
        {
            if (media.Schema is { } usual)
            {
                media.Schema = new OpenApiSchema { OneOf = [usual, other] };
            }
        }
    }
}
