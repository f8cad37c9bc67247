using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Planning.Plans;

/// <summary>
/// One move of a plan. <see cref="Kind"/> says which fields it uses:
/// <list type="bullet">
/// <item><c>moveAccount</c>: <see cref="AccountId"/> to <see cref="ToRepId"/> and/or <see cref="ToTerritoryId"/> (the
/// territory defaults to the rep's; without a rep the owner stays if they work in the new territory).</item>
/// <item><c>moveRep</c>: <see cref="RepId"/> to <see cref="ToTerritoryId"/>, with the accounts they own unless
/// <see cref="WithAccounts"/> is false (then other moves must give those accounts an owner).</item>
/// <item><c>splitTerritory</c>: a new territory <see cref="NewTerritory"/> carved out of <see cref="TerritoryId"/>,
/// taking <see cref="RepIds"/> (with the accounts they own) and <see cref="AccountIds"/>.</item>
/// <item><c>mergeTerritories</c>: every rep and account of <see cref="TerritoryId"/> into <see cref="ToTerritoryId"/>;
/// the first territory ends.</item>
/// <item><c>addRep</c>: <see cref="Rep"/> joins, ramping up over <see cref="RampWeeks"/> (default 12).</item>
/// <item><c>removeRep</c>: <see cref="RepId"/> leaves; the accounts they own go to <see cref="ToRepId"/> when given,
/// else other moves must give them an owner.</item>
/// <item><c>addTerritory</c>: an empty territory <see cref="NewTerritory"/>, for later moves to fill.</item>
/// <item><c>removeTerritory</c>: <see cref="TerritoryId"/> ends; earlier moves must have emptied it of reps and accounts.</item>
/// </list>
/// </summary>
public sealed record PlanMove(
    string? Kind,
    string? AccountId = null,
    string? RepId = null,
    string? TerritoryId = null,
    string? ToRepId = null,
    string? ToTerritoryId = null,
    bool? WithAccounts = null,
    TerritoryDefinition? NewTerritory = null,
    IReadOnlyList<string>? AccountIds = null,
    IReadOnlyList<string>? RepIds = null,
    RepDefinition? Rep = null,
    int? RampWeeks = null);

public static class PlanMoveKinds
{
    public const string MoveAccount = "moveAccount";
    public const string MoveRep = "moveRep";
    public const string SplitTerritory = "splitTerritory";
    public const string MergeTerritories = "mergeTerritories";
    public const string AddRep = "addRep";
    public const string RemoveRep = "removeRep";
    public const string AddTerritory = "addTerritory";
    public const string RemoveTerritory = "removeTerritory";

    public static readonly string[] All = [MoveAccount, MoveRep, SplitTerritory, MergeTerritories, AddRep, RemoveRep, AddTerritory, RemoveTerritory];
}
