using Microsoft.Playwright;

namespace Viber.Browser.Tests.Support;

/// <summary>
/// One Chromium and one bot app for a test class; each test opens its own browser context and user. Debian's
/// Chromium is used as installed (<see cref="ChromiumPath"/>), never downloaded. Without it the tests are skipped
/// with a reason, except under <c>CI=true</c>, where they fail: CI must not pass by running nothing.
/// </summary>
public sealed class ChatPageFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private BotApp? _bot;

    /// <summary>Gets why the tests cannot run here, or <see langword="null"/> when they can.</summary>
    public string? SkipReason { get; private set; }

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(SkipReason);

    internal BotApp Bot => _bot ?? throw new InvalidOperationException(SkipReason);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var reason = $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(reason + " CI=true, so the browser tests fail instead of being skipped.");
            }

            SkipReason = reason;
            return;
        }

        // Slow CI machines: expectations keep retrying for longer than the 5 s default before they fail.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        _bot = await BotApp.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
