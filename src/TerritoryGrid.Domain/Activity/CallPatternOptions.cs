using TerritoryGrid.Domain.Accounts;

namespace TerritoryGrid.Domain.Activity;

/// <summary>The call pattern of each segment. Defaults are DOMAIN.md's table.</summary>
public sealed class CallPatternOptions
{
    /// <summary>A accounts: 4 in-person visits of 90 minutes per 4 weeks (plus travel).</summary>
    public CallPattern A { get; set; } = new(4, Channel.Visit, 90);

    /// <summary>B accounts: 2 calls or videos of 30 minutes per 4 weeks.</summary>
    public CallPattern B { get; set; } = new(2, Channel.Call, 30);

    /// <summary>C accounts: 1 call of 15 minutes per 4 weeks.</summary>
    public CallPattern C { get; set; } = new(1, Channel.Call, 15);

    public CallPattern For(Segment segment) => segment switch
    {
        Segment.A => A,
        Segment.B => B,
        Segment.C => C,
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, "Unknown segment."),
    };
}
