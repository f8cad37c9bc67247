namespace TerritoryGrid.Grains.Persistence;

public static class StorageNames
{
    /// <summary>The grain storage provider every TerritoryGrid grain writes its state to.</summary>
    public const string Grains = "territorygrid";
}
