namespace TerritoryGrid.Domain.Accounts;

/// <summary>Priority bucket of an account: A "must have", B "really want", C "nice to have".</summary>
public enum Segment
{
    A = 0,
    B = 1,
    C = 2,
}
