namespace TerritoryGrid.Application.History;

/// <summary>
/// How far an opportunity row has got, which decides the events it derives. A CRM's own stage names are mapped to
/// these by the layout (e.g. Salesforce "Negotiation/Review" → <see cref="Opportunity"/>).
/// </summary>
public enum OpportunityStage
{
    /// <summary>A lead: LeadCreated.</summary>
    Lead,

    /// <summary>Closed as a lead without becoming an opportunity: LeadCreated, LeadDisqualified.</summary>
    Disqualified,

    /// <summary>An open opportunity: LeadCreated, LeadQualified.</summary>
    Opportunity,

    /// <summary>LeadCreated, LeadQualified, OpportunityWon.</summary>
    Won,

    /// <summary>LeadCreated, LeadQualified, OpportunityLost.</summary>
    Lost,
}
