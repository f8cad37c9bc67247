namespace TerritoryGrid.Domain.Commercial;

/// <summary>An ISO 4217 currency code: three letters (USD, EUR, GBP), kept upper case.</summary>
public static class CurrencyCode
{
    public const string Default = "USD";

    /// <summary>The code in upper case, or null and why it is not one.</summary>
    public static (string? Code, string? Problem) Parse(string? text)
    {
        var code = text?.Trim() ?? "";
        return code.Length == 3 && code.All(char.IsAsciiLetter)
            ? (code.ToUpperInvariant(), null)
            : (null, $"'{(text is { Length: > 20 } ? string.Concat(text.AsSpan(0, 20), "…") : text)}' is not an ISO 4217 currency code: three letters such as USD, EUR or GBP");
    }
}
