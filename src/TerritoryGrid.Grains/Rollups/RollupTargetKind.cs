namespace TerritoryGrid.Grains.Rollups;

internal enum RollupTargetKind
{
    Territory = 0,
    Rep = 1,
}
