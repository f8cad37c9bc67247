namespace TerritoryGrid.Contracts.Activity;

/// <summary>What happened. Touches (email, call, video, visit) count toward call patterns by channel richness.</summary>
public enum ActivityKind
{
    Email = 0,
    Call = 1,
    Video = 2,
    Visit = 3,
    LeadCreated = 4,
    LeadQualified = 5,
    OpportunityWon = 6,
    OpportunityLost = 7,
    Order = 8,
    Cost = 9,
    NpsAnswer = 10,
    AccountChurned = 11,

    /// <summary>A lead closed without becoming an opportunity (no fit, no answer): it no longer needs work.</summary>
    LeadDisqualified = 12,
}
