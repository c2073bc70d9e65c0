using System.Net;
using System.Net.Http.Headers;

namespace Viber.Emulator.Tests.ChatPage;

/// <summary>The page's files, embedded in Viber.Emulator and served from MapViberEmulator's group.</summary>
public sealed class ChatPageAssetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_group_path_without_a_slash_redirects_to_the_page_so_relative_links_resolve()
    {
        await using var host = await ChatPageHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri("http://localhost/viber-emulator?user=1"), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/viber-emulator/?user=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_page_is_served_as_html_revalidated_each_time_with_a_content_security_policy()
    {
        await using var host = await ChatPageHost.StartAsync();

        using var response = await host.Client.GetAsync(string.Empty, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        using var again = new HttpRequestMessage(HttpMethod.Get, string.Empty);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await host.Client.SendAsync(again, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("<script src=\"app.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"app.css\">", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Theory]
    [InlineData("app.js", "text/javascript; charset=utf-8", "new EventSource('api/events")]
    [InlineData("app.css", "text/css; charset=utf-8", "#keyboard")]
    [InlineData("index.html", "text/html; charset=utf-8", "id=\"events-panel\"")]
    public async Task Each_file_has_its_content_type_and_no_dependency_outside_the_package(string file, string contentType, string marker)
    {
        await using var host = await ChatPageHost.StartAsync();

        using var response = await host.Client.GetAsync(file, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(new CacheControlHeaderValue { NoCache = true }, response.Headers.CacheControl);
        Assert.Contains(marker, text, StringComparison.Ordinal);

        // Works offline: nothing is loaded from a CDN or any other host.
        Assert.DoesNotContain("//cdn", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", text, StringComparison.OrdinalIgnoreCase);
    }
}
