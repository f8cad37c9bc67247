using System.Text.Json;

namespace TerritoryGrid.Application.Backup;

/// <summary>The JSON of manifest.json: the API's conventions, indented for people reading it.</summary>
internal static class BackupJson
{
    public static JsonSerializerOptions Options { get; } = new(TerritoryGridJson.Options) { WriteIndented = true };
}
