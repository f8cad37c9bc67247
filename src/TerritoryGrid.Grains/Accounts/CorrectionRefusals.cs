using System.Text.Json;
using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>Why a void or amendment is refused, in words that name the event it tried to correct.</summary>
internal static class CorrectionRefusals
{
    public const string NoActivityLog =
        "corrections need the stored activity log to recompute the account, and this deployment keeps none (Storage:Provider is Memory)";

    public static string NotAccepted(string reference, int horizonDays) =>
        $"event '{reference}' is not an event this account accepted within the last {horizonDays} days of its activity: only those can be corrected";

    public static string IsACorrection(string reference) =>
        $"event '{reference}' is itself a correction: correct the event it corrected instead";

    public static string AlreadyVoid(string reference) => $"event '{reference}' was already voided";

    public static string NotInLog(string reference) => $"event '{reference}' is not in this account's activity log";

    public static string ScoreOnlyForNps(string reference, ActivityKind kind)
    {
        var name = JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
        return $"score applies only to an npsAnswer, and event '{reference}' is {("aeiou".Contains(name[0], StringComparison.Ordinal) ? "an" : "a")} {name}";
    }
}
