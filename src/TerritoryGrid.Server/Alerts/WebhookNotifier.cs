using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TerritoryGrid.Application;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Server.Alerts;

/// <summary>
/// Sends each territory status change to the configured webhook: signed, retried with exponential back-off, from a
/// bounded queue the grains only write to (a slow or hanging receiver delays notifications, never ingest).
/// </summary>
public sealed partial class WebhookNotifier(
    IOptions<WebhookOptions> options, IHttpClientFactory clients, IGrainFactory grains, ILogger<WebhookNotifier> logger)
    : BackgroundService
{
    public const string SignatureHeader = "X-TerritoryGrid-Signature";
    public const string DeliveryHeader = "X-TerritoryGrid-Delivery";

    private readonly WebhookOptions settings = options.Value;
    private readonly Channel<Notification> queue = Channel.CreateBounded<Notification>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { FullMode = BoundedChannelFullMode.DropWrite });

    private long dropped;

    public bool Enabled => !string.IsNullOrWhiteSpace(settings.WebhookUrl);

    /// <summary>Notifications dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public void StatusChanged(string workspace, StatusChange change)
    {
        if (Enabled && !queue.Writer.TryWrite(new Notification(Guid.NewGuid().ToString("N"), workspace, change)))
        {
            Interlocked.Increment(ref dropped);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        try
        {
            await foreach (var notification in queue.Reader.ReadAllAsync(stoppingToken))
            {
                // Each change arrives once: territories announce a change once, settled (TerritoryGrain.AnnounceWhenSettled).
                if (await StillWantedAsync(notification))
                {
                    await DeliverAsync(notification, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>An acknowledged status is not notified again (a revision can re-announce it) until the status changes.</summary>
    private async Task<bool> StillWantedAsync(Notification notification)
    {
        try
        {
            return await grains.GetGrain<IAlertBookGrain>(notification.Workspace).ShouldNotify(notification.Change.TerritoryId, notification.Change.To);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Better a repeated alert than a lost one.
            LogAcknowledgementsUnavailable(logger, exception);
            return true;
        }
    }

    private async Task DeliverAsync(Notification notification, CancellationToken cancellationToken)
    {
        var change = notification.Change;
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            delivery = notification.Id,
            workspace = notification.Workspace,
            territoryId = change.TerritoryId,
            from = change.From,
            to = change.To,
            at = change.At,
            reason = change.Reason,
            link = settings.PublicUrl is { Length: > 0 } url
                ? $"{url.TrimEnd('/')}/?workspace={Uri.EscapeDataString(notification.Workspace)}&territory={Uri.EscapeDataString(change.TerritoryId)}"
                : null,
        }, TerritoryGridJson.Options);
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.Secret ?? ""), body));
        var delay = settings.FirstRetryDelay;
        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, settings.WebhookUrl) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.Add(SignatureHeader, signature);
                request.Headers.Add(DeliveryHeader, notification.Id);
                using var response = await clients.CreateClient(nameof(WebhookNotifier)).SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                LogAttemptFailed(logger, notification.Id, attempt, $"HTTP {(int)response.StatusCode}");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogAttemptFailed(logger, notification.Id, attempt, exception.GetType().Name);
            }

            if (attempt < settings.MaxAttempts)
            {
                await Task.Delay(delay, cancellationToken);
                delay *= 2;
            }
        }

        LogGivenUp(logger, notification.Id, notification.Workspace, change.TerritoryId, settings.MaxAttempts);
    }

    private sealed record Notification(string Id, string Workspace, StatusChange Change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledged alerts could not be read; notifying anyway")]
    private static partial void LogAcknowledgementsUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Delivery}, attempt {Attempt} failed: {Failure}")]
    private static partial void LogAttemptFailed(ILogger logger, string delivery, int attempt, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {Delivery} ({Workspace}/{Territory}) given up after {Attempts} attempts")]
    private static partial void LogGivenUp(ILogger logger, string delivery, string workspace, string territory, int attempts);
}
