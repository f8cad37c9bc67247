namespace TerritoryGrid.Domain.Activity;

/// <summary>How a touch reached the customer, ordered by richness: a visit is richer than video, video than a call, a call than email.</summary>
public enum Channel
{
    Email = 0,
    Call = 1,
    Video = 2,
    Visit = 3,
}
