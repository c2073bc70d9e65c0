using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Viber.AspNetCore.Deduplication;

namespace Viber.AspNetCore.Tests.Deduplication;

/// <summary>
/// The in-memory store against a plain model of its rules (a list in insertion order and a dictionary of live keys),
/// over long random runs of claims, completions, releases and time passing: every answer and the count of keys held
/// must agree, whatever the store's own index and ring do to get there.
/// </summary>
public sealed class InMemoryDeduplicationStoreModelTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData(37, 1)] // a tiny store: constant eviction, short probe runs wrapping around a small index
    [InlineData(3000, 2)] // grows from its first 1,024 slots while keys are released and expire
    [InlineData(3000, 3)]
    public async Task Every_answer_matches_the_model(int capacity, int seed)
    {
        var random = new Random(seed);
        var time = new FakeTimeProvider();
        var store = new InMemoryViberDeduplicationStore(Options.Create(new ViberBotOptions { DeduplicationCapacity = capacity }), time);
        var model = new StoreModel(capacity);
        var none = CancellationToken.None;

        for (var step = 0; step < 60_000; step++)
        {
            var key = $"key-{random.Next(capacity * 3)}";
            var token = $"claim-{random.Next(3)}";
            var now = time.GetUtcNow().UtcTicks;
            switch (random.Next(10))
            {
                case < 5:
                    Assert.Equal(model.Claim(key, token, now, Window.Ticks), await store.TryClaimAsync(key, token, Window, none));
                    break;
                case < 8:
                    Assert.Equal(model.Complete(key, token, now, Window.Ticks), await store.CompleteAsync(key, token, Window, none));
                    break;
                case 8:
                    Assert.Equal(model.Release(key, token), await store.ReleaseAsync(key, token, none));
                    break;
                default:
                    time.Advance(TimeSpan.FromTicks(random.NextInt64(Window.Ticks / 20)));
                    break;
            }

            Assert.Equal(model.Count, store.Count);
        }
    }

    /// <summary>The store's rules, written for clarity rather than speed.</summary>
    private sealed class StoreModel(int capacity)
    {
        private readonly List<Entry> _ring = [];
        private readonly Dictionary<string, Entry> _live = [];

        public int Count => _live.Count;

        public ViberDeduplicationClaim Claim(string key, string token, long now, long window)
        {
            Purge(now);
            if (Find(key, now) is { } entry)
            {
                return entry.Token is null ? ViberDeduplicationClaim.Completed : ViberDeduplicationClaim.InProgress;
            }

            Add(key, now + window, token);
            return ViberDeduplicationClaim.Claimed;
        }

        public bool Complete(string key, string token, long now, long window)
        {
            Purge(now);
            if (Find(key, now) is not { } entry)
            {
                Add(key, now + window, token: null);
                return true;
            }

            if (entry.Token is null)
            {
                return true;
            }

            if (entry.Token != token)
            {
                return false;
            }

            entry.Token = null;
            entry.ExpiresAt = now + window;
            return true;
        }

        public bool Release(string key, string token)
        {
            if (_live.TryGetValue(key, out var entry) && entry.Token == token)
            {
                Kill(entry);
                return true;
            }

            return false;
        }

        private void Purge(long now)
        {
            while (_ring.Count > 0 && (!_ring[0].Live || _ring[0].ExpiresAt <= now))
            {
                Kill(_ring[0]);
                _ring.RemoveAt(0);
            }
        }

        private Entry? Find(string key, long now)
        {
            if (!_live.TryGetValue(key, out var entry))
            {
                return null;
            }

            if (entry.ExpiresAt <= now)
            {
                Kill(entry);
                return null;
            }

            return entry;
        }

        private void Add(string key, long expiresAt, string? token)
        {
            // Full: the oldest entry goes, live or not.
            if (_ring.Count == capacity)
            {
                Kill(_ring[0]);
                _ring.RemoveAt(0);
            }

            var entry = new Entry(key) { ExpiresAt = expiresAt, Token = token, Live = true };
            _ring.Add(entry);
            _live[key] = entry;
        }

        private void Kill(Entry entry)
        {
            if (entry.Live)
            {
                _live.Remove(entry.Key);
                entry.Live = false;
                entry.Token = null;
            }
        }

        private sealed class Entry(string key)
        {
            public string Key { get; } = key;

            public long ExpiresAt { get; set; }

            public string? Token { get; set; }

            public bool Live { get; set; }
        }
    }
}
