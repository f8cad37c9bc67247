using System.Text.Json;
using System.Text.Json.Serialization;

namespace TerritoryGrid.Application;

/// <summary>The JSON shape of every API document: camelCase, enums as names, counters (struct fields) included.</summary>
public static class TerritoryGridJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.IncludeFields = true;
        // A missing required field or a null where none is allowed is an error naming its path, not a silent default.
        options.RespectRequiredConstructorParameters = true;
        options.RespectNullableAnnotations = true;
        // Coverage is infinite for a territory with capacity and no demand; say so rather than fail to serialise.
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
