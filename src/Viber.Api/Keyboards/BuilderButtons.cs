namespace Viber.Api.Keyboards;

/// <summary>The buttons <see cref="KeyboardBuilder"/> and <see cref="RichMediaBuilder"/> create for their shortcuts.</summary>
internal static class BuilderButtons
{
    /// <summary>A button whose tap sends <paramref name="actionBody"/> back to the bot.</summary>
    public static Button Reply(string text, string actionBody, int columns, int rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        ArgumentException.ThrowIfNullOrEmpty(actionBody);
        return new Button { Columns = columns, Rows = rows, ActionType = ButtonActionType.Reply, ActionBody = actionBody, Text = text };
    }

    /// <summary>A button whose tap opens <paramref name="url"/>.</summary>
    public static Button OpenUrl(string? text, string url, int columns, int rows, string? image = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        return new Button { Columns = columns, Rows = rows, ActionType = ButtonActionType.OpenUrl, ActionBody = url, Text = text, Image = image };
    }
}
