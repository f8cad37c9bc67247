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

    /// <summary>
    /// A correction: the event named by <see cref="ActivityEvent.ReferenceId"/> is void (a cancelled order, a deal
    /// re-opened, a qualification taken back), and every figure it changed is taken back as if it had never happened.
    /// </summary>
    Void = 13,

    /// <summary>
    /// A correction: the event named by <see cref="ActivityEvent.ReferenceId"/> keeps its kind, time and account but
    /// takes this event's amount, cost, duration, and its rep, product and score where given; every figure is
    /// recomputed as if the event had said so from the start.
    /// </summary>
    Amendment = 14,
}
