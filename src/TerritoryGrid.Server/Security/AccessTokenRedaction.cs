using System.Text.RegularExpressions;

namespace TerritoryGrid.Server.Security;

/// <summary>
/// Replaces the value of every "access_token" query parameter in a text (a URL, a query string, a log message) with
/// "[redacted]". Programs may carry their API key there to the hub, and request logs and traces write URLs.
/// </summary>
public static partial class AccessTokenRedaction
{
    public const string ParameterName = "access_token";
    public const string Placeholder = "[redacted]";

    /// <summary>
    /// A cheap test before the regular expression: the name as ASP.NET Core reads it (any case), or percent-encoded,
    /// which its query parser also decodes.
    /// </summary>
    public static bool MayCarry(string? text) =>
        text is not null && (text.Contains("token", StringComparison.OrdinalIgnoreCase) || text.Contains('%'));

    public static string Redact(string text) => MayCarry(text) ? Parameter().Replace(text, Redacted) : text;

    private static string Redacted(Match parameter) =>
        string.Equals(Decoded(parameter.Groups["name"].Value), ParameterName, StringComparison.OrdinalIgnoreCase)
            ? $"{parameter.Groups["name"].Value}={Placeholder}"
            : parameter.Value;

    private static string Decoded(string name)
    {
        try
        {
            return Uri.UnescapeDataString(name.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return name;
        }
    }

    /// <summary>A query parameter: after "?" or "&amp;", a name, "=", and a value up to the next separator or blank.</summary>
    [GeneratedRegex(@"(?<=[?&])(?<name>[^=&?#\s]+)=(?<value>[^&#\s]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
