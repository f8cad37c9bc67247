namespace TerritoryGrid.Contracts;

public static class Products
{
    /// <summary>The product name revenue is booked under when an order names none.</summary>
    public const string Unspecified = "(unspecified)";
}
