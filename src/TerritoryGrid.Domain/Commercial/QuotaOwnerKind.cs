namespace TerritoryGrid.Domain.Commercial;

/// <summary>Whose quota: a rep's own, or a territory's (not the sum of its reps': teams often carry more).</summary>
public enum QuotaOwnerKind
{
    Rep = 0,
    Territory = 1,
}
