namespace Viber.BroadcastBenchmark;

/// <summary>
/// Receiver ids made one at a time, like rows read from a database: nothing holds them all, so the broadcast's own
/// memory is what the benchmark measures.
/// </summary>
internal static class GeneratedReceivers
{
    public static IEnumerable<string> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            // Viber ids are 24-character base64 strings.
            yield return $"bench{i:D16}AAA==";
        }
    }
}
