namespace TerritoryGrid.Server.Demo;

/// <summary>The demo company generated into an empty live workspace, bound from "DemoCompany".</summary>
public sealed class DemoCompanyOptions
{
    public const string SectionName = "DemoCompany";

    /// <summary>Generate it when the live workspace is empty. On by default in Development, off otherwise.</summary>
    public bool? Enabled { get; set; }

    public int Seed { get; set; } = 20261123;

    public int Territories { get; set; } = 20;

    public int Reps { get; set; } = 400;

    public int Accounts { get; set; } = 20_000;

    /// <summary>Days of activity history generated up to now, so the rolling windows have something in them. The default is 35.</summary>
    public int HistoryDays { get; set; } = 35;
}
