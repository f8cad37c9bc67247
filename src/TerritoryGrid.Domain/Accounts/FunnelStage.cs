namespace TerritoryGrid.Domain.Accounts;

/// <summary>Where an account stands in the funnel.</summary>
public enum FunnelStage
{
    Prospect = 0,
    Lead = 1,
    Opportunity = 2,
    Customer = 3,
    Churned = 4,
}
