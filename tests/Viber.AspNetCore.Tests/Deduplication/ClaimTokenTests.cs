using Viber.AspNetCore.Deduplication;

namespace Viber.AspNetCore.Tests.Deduplication;

/// <summary>Claim tokens: unique per claim, from any thread, in the 32-hex-digit form stores keep.</summary>
public sealed class ClaimTokenTests
{
    [Fact]
    public async Task Tokens_made_concurrently_are_all_distinct_32_lowercase_hex_digits()
    {
        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            () => Enumerable.Range(0, 10_000).Select(_ => ViberDeduplicationClaimToken.New()).ToList(),
            TestContext.Current.CancellationToken)));
        var tokens = batches.SelectMany(batch => batch).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, token => Assert.Matches("^[0-9a-f]{32}$", token));
    }
}
