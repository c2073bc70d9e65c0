using System.Threading.RateLimiting;

namespace Viber.Api.Tests.Client;

/// <summary>
/// A limiter that grants permits until the <c>failAt</c>-th request, which fails as a shared limiter's store going
/// down would (the Redis budget throws <c>RedisConnectionException</c>).
/// </summary>
internal sealed class FailingRateLimiter(int failAt) : RateLimiter
{
    private readonly ConcurrencyLimiter _permits = new(new ConcurrencyLimiterOptions { PermitLimit = 1000, QueueLimit = 0 });
    private int _acquired;

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => _permits.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => throw new NotSupportedException();

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        => Interlocked.Increment(ref _acquired) == failAt
            ? throw new InvalidOperationException("The budget's store is down.")
            : _permits.AcquireAsync(permitCount, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _permits.Dispose();
        }

        base.Dispose(disposing);
    }
}
