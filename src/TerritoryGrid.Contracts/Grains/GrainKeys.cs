namespace TerritoryGrid.Contracts.Grains;

/// <summary>
/// Grain keys carry the workspace and the company generation ("live/3/acct-17"), so a sandbox never touches the
/// live company and a replaced company's grains are never mixed with the new one's.
/// </summary>
public static class GrainKeys
{
    public static string Of(string workspace, int generation, string id) => $"{workspace}/{generation}/{id}";

    /// <summary>The entity id: the part after the second '/'. Ids cannot contain '/'.</summary>
    public static string IdOf(string key) => key[(key.IndexOf('/', key.IndexOf('/') + 1) + 1)..];

    public static string WorkspaceOf(string key) => key[..key.IndexOf('/')];

    /// <summary>Workspace, generation and entity id of a key made by <see cref="Of"/>.</summary>
    public static (string Workspace, int Generation, string Id) Parse(string key)
    {
        var first = key.IndexOf('/');
        var second = key.IndexOf('/', first + 1);
        return (key[..first], int.Parse(key.AsSpan(first + 1, second - first - 1), System.Globalization.CultureInfo.InvariantCulture), key[(second + 1)..]);
    }
}
