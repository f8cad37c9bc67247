namespace TerritoryGrid.Application.History;

/// <summary>What an activities row's type (mapped by the layout, e.g. HubSpot "MEETING" → video) becomes.</summary>
public enum TouchType
{
    Email,
    Call,
    Video,
    Visit,
}
