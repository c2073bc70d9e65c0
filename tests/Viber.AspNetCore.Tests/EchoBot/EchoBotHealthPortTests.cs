namespace Viber.AspNetCore.Tests.EchoBot;

/// <summary>
/// With Health:Port, the sample serves /health only on that listener, so a flood that fills the webhook listener's
/// connections (Kestrel counts them per listener) cannot starve a load balancer's probes.
/// </summary>
public sealed class EchoBotHealthPortTests
{
    [Theory]
    [InlineData("localhost:5099", 200)]
    [InlineData("localhost", 404)]
    [InlineData("localhost:5000", 404)]
    public async Task Health_answers_on_its_own_port_only(string host, int expected)
    {
        await using var bot = new EchoBotFactory();
        using var withPort = bot.WithWebHostBuilder(builder => builder.UseSetting("Health:Port", "5099"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = host;

        using var response = await withPort.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, (int)response.StatusCode);
    }

    [Fact]
    public async Task Without_Health_Port_health_answers_on_any_port()
    {
        await using var bot = new EchoBotFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = "localhost:1234";

        using var response = await bot.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
    }
}
