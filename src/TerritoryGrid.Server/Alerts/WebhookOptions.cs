namespace TerritoryGrid.Server.Alerts;

/// <summary>Status-change notifications to a webhook, bound from "Alerts". Off unless <see cref="WebhookUrl"/> is set.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Alerts";

    /// <summary>Where each status change is POSTed as JSON.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Shared secret: each body is signed with HMAC-SHA256, sent as "X-TerritoryGrid-Signature: sha256=HEX".</summary>
    public string? Secret { get; set; }

    /// <summary>The dashboard's public address, for the drill-down link in each notification. The default is none (no link).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Attempts per notification before it is given up (logged). The default is 6.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait before the first retry; each later one waits twice as long. The default is 1 s.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Notifications waiting to be sent; beyond it new ones are dropped and counted, never blocking ingest. The default is 10,000.</summary>
    public int QueueCapacity { get; set; } = 10_000;
}
