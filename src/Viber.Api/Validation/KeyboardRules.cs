using Viber.Api.Keyboards;

namespace Viber.Api.Validation;

/// <summary>The rules of a keyboard (Viber keyboard documentation, "General keyboard parameters").</summary>
internal static class KeyboardRules
{
    /// <summary>Keyboards lay buttons out on a grid of 6 columns.</summary>
    public const int GridColumns = 6;

    /// <summary>A keyboard button is 1 or 2 rows high (Viber's current keyboard documentation; the older pages say 1–7, which is the rich media range).</summary>
    public const int MaxButtonRows = 2;

    /// <summary>Validates a keyboard.</summary>
    /// <param name="keyboard">The keyboard.</param>
    /// <param name="path">Its JSON path, <c>keyboard</c>.</param>
    public static void Validate(Keyboard keyboard, string path)
    {
        if (keyboard.Type != Keyboard.KeyboardType)
        {
            // messaging-apis#652: Viber's server rejects keyboards without "Type": "keyboard".
            throw new ViberValidationException(path + ".Type", $"must be '{Keyboard.KeyboardType}'");
        }

        Check.HexColor(keyboard.BackgroundColor, path + ".BgColor");
        Check.Range(keyboard.CustomDefaultHeight, 40, 70, path + ".CustomDefaultHeight");
        Check.Range(keyboard.HeightScale, 20, 100, path + ".HeightScale");
        Check.Range(keyboard.ButtonsGroupColumns, 1, 6, path + ".ButtonsGroupColumns");
        Check.Range(keyboard.ButtonsGroupRows, 1, 2, path + ".ButtonsGroupRows");
        Check.OneOf(keyboard.InputFieldState, path + ".InputFieldState", DocumentedValues.InputFieldStates);

        var buttons = keyboard.Buttons;
        if (buttons is null || buttons.Count == 0)
        {
            throw new ViberValidationException(path + ".Buttons", "must contain at least 1 button");
        }

        for (var i = 0; i < buttons.Count; i++)
        {
            ButtonRules.Validate(buttons[i], Check.Invariant($"{path}.Buttons[{i}]"), GridColumns, MaxButtonRows, inRichMedia: false);
        }

        KeyboardLayout.CheckRows(buttons, path + ".Buttons");
    }
}
