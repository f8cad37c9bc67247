namespace TerritoryGrid.Domain.Activity;

/// <summary>How much attention a segment warrants: touches per 4 weeks, the minimum channel, minutes per touch.</summary>
public sealed record CallPattern(int TouchesPer4Weeks, Channel MinimumChannel, double MinutesPerTouch)
{
    /// <summary>A touch counts toward the pattern when its channel is at least as rich as the pattern asks.</summary>
    public bool IsSatisfiedBy(Channel channel) => channel >= MinimumChannel;
}
