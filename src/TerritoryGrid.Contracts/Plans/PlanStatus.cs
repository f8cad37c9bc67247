namespace TerritoryGrid.Contracts.Plans;

/// <summary>Where a plan is in its life: draft → approved → scheduled → applied.</summary>
public enum PlanStatus
{
    Draft = 0,
    Approved = 1,
    Scheduled = 2,
    Applied = 3,
}
