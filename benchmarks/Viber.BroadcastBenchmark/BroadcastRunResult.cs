namespace Viber.BroadcastBenchmark;

/// <summary>What one broadcast run measured, printed as one line a parent run reads back.</summary>
internal sealed record BroadcastRunResult(
    int Receivers,
    int Requests,
    double Seconds,
    double IdealSeconds,
    int MostInAnyWindow,
    long Refused,
    int Failed,
    long PeakWorkingSetBytes)
{
    public const string Prefix = "RESULT ";

    public string ToLine() => FormattableString.Invariant(
        $"{Prefix}{Receivers} {Requests} {Seconds:0.###} {IdealSeconds:0.###} {MostInAnyWindow} {Refused} {Failed} {PeakWorkingSetBytes}");

    public static BroadcastRunResult Parse(string line)
    {
        var parts = line[Prefix.Length..].Split(' ');
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return new BroadcastRunResult(
            int.Parse(parts[0], inv),
            int.Parse(parts[1], inv),
            double.Parse(parts[2], inv),
            double.Parse(parts[3], inv),
            int.Parse(parts[4], inv),
            long.Parse(parts[5], inv),
            int.Parse(parts[6], inv),
            long.Parse(parts[7], inv));
    }
}
