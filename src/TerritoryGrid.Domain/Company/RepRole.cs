namespace TerritoryGrid.Domain.Company;

/// <summary>Outside (field) reps visit in person and own A accounts; inside reps work by phone and video.</summary>
public enum RepRole
{
    Inside = 0,
    Outside = 1,
}
