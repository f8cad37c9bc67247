using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TerritoryGrid.Application.Companies.Csv;

namespace TerritoryGrid.Server.Api;

/// <summary>
/// Reading a multipart form of CSV files and a layout (a shipped layout's name, or a layout JSON file), each failure
/// turned into the 400/413 answer a client can act on.
/// </summary>
internal static class CsvForm
{
    private static readonly Microsoft.AspNetCore.Http.Features.FormOptions Limits = new()
    {
        MultipartBodyLengthLimit = CompanyEndpoints.MaxCompanyBytes,
    };

    public static async Task<(IFormCollection? Form, ProblemHttpResult? Failure)> ReadAsync(HttpRequest request, string expected, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, ApiErrors.BadRequest($"send multipart/form-data with {expected}"));
        }

        try
        {
            return (await request.ReadFormAsync(Limits, cancellationToken), null);
        }
        catch (InvalidDataException error)
        {
            return (null, error.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase)
                ? TypedResults.Problem(detail: $"the form is larger than {CompanyEndpoints.MaxCompanyBytes / 1024 / 1024} MB", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large")
                : ApiErrors.BadRequest($"the multipart form could not be read: {error.Message}"));
        }
        catch (BadHttpRequestException error)
        {
            return (null, ApiErrors.FromBadRequest(error));
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, ApiErrors.BadRequest(
                "the multipart form ended before its closing boundary (it was cut short, or the boundary in Content-Type is not the one in the body)"));
        }
    }

    /// <summary>The layout the form names or carries; territorygrid when it does neither.</summary>
    public static async Task<(CsvLayout? Layout, ProblemHttpResult? Failure)> LayoutAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        try
        {
            return (form.Files["layout"] is { } custom
                ? CsvLayout.Parse(await TextAsync(custom, cancellationToken))
                : CsvLayout.BuiltIn.GetValueOrDefault(form["layout"].FirstOrDefault() ?? "territorygrid")
                  ?? throw new FormatException($"layout '{form["layout"]}' is not one of {string.Join(", ", CsvLayout.BuiltIn.Keys)} (or send a layout file)"), null);
        }
        catch (FormatException error)
        {
            return (null, ApiErrors.BadRequest($"layout: {error.Message}"));
        }
        catch (System.Text.Json.JsonException error)
        {
            return (null, ApiErrors.BadRequest($"layout: {ApiErrors.MalformedJson(error).ProblemDetails.Detail}"));
        }
    }

    /// <summary>A part parsed as CSV, named by its file name (errors cite it), or by the part's name when it has none.</summary>
    public static async Task<CsvTable> TableAsync(IFormFile file, string part, CancellationToken cancellationToken) =>
        CsvTable.Parse(file.FileName is { Length: > 0 } name ? name : part + ".csv", await TextAsync(file, cancellationToken));

    private static async Task<string> TextAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
