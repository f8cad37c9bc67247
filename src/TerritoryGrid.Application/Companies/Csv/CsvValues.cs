using System.Globalization;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Companies.Csv;

/// <summary>How a cell of a CRM or HR export is read, the same in every file TerritoryGrid imports.</summary>
public static class CsvValues
{
    /// <summary>A date in one of <paramref name="formats"/> (exports mix them), read as UTC unless it carries an offset.</summary>
    public static bool TryDate(string text, string[] formats, out DateTimeOffset date) =>
        DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out date);

    /// <summary>A rep's role as CRMs name it ("Inside Sales", "Field Sales", "outside"); null when it is neither.</summary>
    public static RepRole? Role(string text) =>
        text.Contains("inside", StringComparison.OrdinalIgnoreCase) ? RepRole.Inside
        : text.Contains("outside", StringComparison.OrdinalIgnoreCase) || text.Contains("field", StringComparison.OrdinalIgnoreCase) ? RepRole.Outside
        : null;

    public const string RoleProblem = "is neither inside nor outside (or field)";
}
