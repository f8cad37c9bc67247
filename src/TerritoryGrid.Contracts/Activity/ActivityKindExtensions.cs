using TerritoryGrid.Domain.Activity;

namespace TerritoryGrid.Contracts.Activity;

public static class ActivityKindExtensions
{
    /// <summary>The channel of a touch, or null when the activity is not a touch.</summary>
    public static Channel? TouchChannel(this ActivityKind kind) => kind switch
    {
        ActivityKind.Email => Channel.Email,
        ActivityKind.Call => Channel.Call,
        ActivityKind.Video => Channel.Video,
        ActivityKind.Visit => Channel.Visit,
        _ => null,
    };

    /// <summary>Whether the event corrects an earlier one rather than recording an activity.</summary>
    public static bool IsCorrection(this ActivityKind kind) => kind is ActivityKind.Void or ActivityKind.Amendment;

    /// <summary>Conversations are calls, demos (video) and visits; an email is a touch but not a conversation.</summary>
    public static bool IsConversation(this ActivityKind kind) =>
        kind is ActivityKind.Call or ActivityKind.Video or ActivityKind.Visit;
}
