using System.Globalization;
using TerritoryGrid.Application.Companies.Csv;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Commercial;

/// <summary>
/// What the quota and product CSV readers share: finding a field's column whatever its spelling (owner_id, ownerId,
/// "Owner ID"), and reading amounts as CRM exports write them ("$1,250.00").
/// </summary>
internal static class CommercialCsv
{
    /// <summary>The header's column for each field; a required field without one is an error naming the header.</summary>
    public static Dictionary<string, string> Columns(CsvTable table, string[] required, string[] optional, List<ValidationError> errors)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in required.Concat(optional))
        {
            if (table.Header.FirstOrDefault(h => Normalise(h) == Normalise(field)) is { } column)
            {
                columns[field] = column;
            }
            else if (required.Contains(field))
            {
                errors.Add(new ValidationError(table.File, "line 1", field,
                    $"column '{field}' is missing; the header has: {CsvCompanyReader.Quoted(string.Join(", ", table.Header), 300)}"));
            }
        }

        return columns;
    }

    public static string? Text(CsvRow row, Dictionary<string, string> columns, string field) =>
        columns.TryGetValue(field, out var column) ? row[column] : null;

    /// <summary>The cell as a number, null when empty; a cell that is not a number is an error and reads as NaN.</summary>
    public static double? Number(CsvRow row, Dictionary<string, string> columns, string field, List<ValidationError> errors)
    {
        if (Text(row, columns, field) is not { } text)
        {
            return null;
        }

        var cleaned = text.Replace(",", "", StringComparison.Ordinal).Trim().TrimStart('$', '€', '£', '¥').Trim();
        if (double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add(new ValidationError(row.File, $"line {row.Line}", columns[field], $"'{CsvCompanyReader.Quoted(text)}' is not a number"));
        return double.NaN;
    }

    private static string Normalise(string name) =>
        new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
