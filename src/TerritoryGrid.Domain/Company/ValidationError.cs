namespace TerritoryGrid.Domain.Company;

/// <summary>One problem in submitted data, naming the entity, its id (or position), the field and what is wrong.</summary>
public sealed record ValidationError(string Entity, string Id, string Field, string Message)
{
    public override string ToString() => $"{Entity} '{Id}', {Field}: {Message}";
}
