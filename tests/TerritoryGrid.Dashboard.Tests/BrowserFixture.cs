using Microsoft.Playwright;

namespace TerritoryGrid.Dashboard.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser: there is no internet). The flags keep
/// Chromium from reaching for Google's services on a closed network.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Console.WriteLine($"Browser tests run on Chromium {Browser.Version} at {ChromiumPath}");
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
    }
}
