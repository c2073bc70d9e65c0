using System.Globalization;
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

    [Fact]
    public void A_token_is_the_process_prefix_then_a_counter_that_grows_with_every_token()
    {
        // 300 in a row cross a byte boundary of the counter, where digits written in the wrong byte order stop growing.
        var tokens = Enumerable.Range(0, 300).Select(_ => ViberDeduplicationClaimToken.New()).ToList();
        var counters = tokens.Select(token => ulong.Parse(token[16..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToList();

        Assert.All(tokens, token => Assert.Equal(tokens[0][..16], token[..16]));

        // Other tests may make tokens in between on other threads, so the counter only has to grow.
        Assert.All(counters.Zip(counters.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.Second:x16} follows {pair.First:x16}"));
    }
}
