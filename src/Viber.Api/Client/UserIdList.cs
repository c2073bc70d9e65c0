namespace Viber.Api.Client;

/// <summary>Checks the user id lists of get_online and broadcast_message before anything is sent.</summary>
internal static class UserIdList
{
    /// <summary>Copies a list of user ids, rejecting an empty list and null or blank ids. Order and duplicates are kept.</summary>
    /// <param name="ids">The ids.</param>
    /// <param name="field">The JSON field the ids go in, for the error.</param>
    /// <returns>The ids.</returns>
    /// <exception cref="ViberValidationException">The list is empty or an id is null or blank.</exception>
    public static string[] Validate(IEnumerable<string> ids, string field)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.ToArray();
        if (list.Length == 0)
        {
            throw new ViberValidationException(field, "must contain at least one user id");
        }

        for (var i = 0; i < list.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i]))
            {
                throw new ViberValidationException($"{field}[{i}]", "must be a user id, not null or blank");
            }
        }

        return list;
    }

    /// <summary>Checks every id of a collection in place, without copying it. An empty collection is left to the caller.</summary>
    /// <param name="ids">The ids.</param>
    /// <param name="field">The JSON field the ids go in, for the error.</param>
    /// <exception cref="ViberValidationException">An id is null or blank.</exception>
    public static void ValidateEach(IEnumerable<string> ids, string field)
    {
        var index = 0;
        foreach (var id in ids)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ViberValidationException($"{field}[{index}]", "must be a user id, not null or blank");
            }

            index++;
        }
    }
}
