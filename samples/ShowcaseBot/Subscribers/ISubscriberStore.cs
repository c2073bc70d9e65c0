namespace ShowcaseBot.Subscribers;

/// <summary>The users subscribed to the bot, as the bot last heard: who a broadcast goes to.</summary>
public interface ISubscriberStore
{
    /// <summary>Gets how many users are subscribed.</summary>
    int Count { get; }

    /// <summary>Records a subscribed user; adding one twice keeps one.</summary>
    /// <param name="userId">The user's id.</param>
    void Add(string userId);

    /// <summary>Forgets a user who unsubscribed.</summary>
    /// <param name="userId">The user's id.</param>
    void Remove(string userId);

    /// <summary>Gets the subscribed users' ids.</summary>
    /// <returns>A snapshot.</returns>
    IReadOnlyList<string> GetAll();
}
