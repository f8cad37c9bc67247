using Microsoft.AspNetCore.Http.HttpResults;
using TerritoryGrid.Application.Companies;
using TerritoryGrid.Application.Companies.Csv;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Server.Api;

/// <summary>
/// A company read from a multipart form of CRM exports (files 'territories', 'reps', 'accounts' and a layout), for the
/// CSV import and the CSV sync alike: the form's problems as the 400 to answer, the lines' problems as located errors,
/// else the company and the reader that can say which file and line a later validation error points at.
/// </summary>
internal sealed record CsvCompanyForm(IFormCollection Form, CsvCompanyReader Reader, CompanyDefinition? Company, IReadOnlyList<ValidationError> Errors)
{
    public const string Parts = "the files 'territories', 'reps' and 'accounts'";

    public static async Task<(CsvCompanyForm? Read, ProblemHttpResult? Failure)> ReadAsync(HttpRequest request, string defaultName, CancellationToken cancellationToken)
    {
        var (form, unreadable) = await CsvForm.ReadAsync(request, Parts, cancellationToken);
        if (form is null)
        {
            return (null, unreadable);
        }

        var (layout, badLayout) = await CsvForm.LayoutAsync(form, cancellationToken);
        if (layout is null)
        {
            return (null, badLayout);
        }

        if (layout.Problems().ToList() is { Count: > 0 } problems)
        {
            return (null, ApiErrors.BadRequest(string.Join("; ", problems)));
        }

        var tables = new Dictionary<string, CsvTable>();
        foreach (var part in new[] { "territories", "reps", "accounts" })
        {
            if (form.Files[part] is not { } file)
            {
                return (null, ApiErrors.BadRequest($"the file '{part}' is missing (send territories, reps and accounts)"));
            }

            try
            {
                tables[part] = await CsvForm.TableAsync(file, part, cancellationToken);
            }
            catch (FormatException error)
            {
                return (null, ApiErrors.BadRequest(error.Message));
            }
        }

        var reader = new CsvCompanyReader(layout);
        var company = reader.Read(form["name"].FirstOrDefault() ?? defaultName, tables["territories"], tables["reps"], tables["accounts"]);
        return (new CsvCompanyForm(form, reader, company, company is null ? reader.Errors : []), null);
    }
}
