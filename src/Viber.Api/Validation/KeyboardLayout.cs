using Viber.Api.Keyboards;

namespace Viber.Api.Validation;

/// <summary>
/// Lays keyboard buttons out the way the client does and refuses keyboards taller than Viber allows.
/// </summary>
/// <remarks>
/// Source: Viber's keyboard documentation, "Keyboard design": a grid of 6 columns, buttons placed in send order,
/// as many per row as fit, overflow wraps; and the keyboards FAQ: "the keyboard can contain up to 12 rows
/// in portrait mode" (landscape doubles the width, so portrait is the binding limit). Placement here is
/// grid auto-flow without back-filling: each button goes to the first free spot at or after the previous
/// one, so a 2-row button can have 1-row buttons stacked beside it. Defaults: Columns 6, Rows 1.
/// </remarks>
internal static class KeyboardLayout
{
    /// <summary>The most rows a keyboard may take in portrait mode.</summary>
    public const int MaxRows = 12;

    /// <summary>Throws when the laid-out buttons need more than <see cref="MaxRows"/> rows.</summary>
    /// <param name="buttons">The (already validated) buttons.</param>
    /// <param name="path">The JSON path of the button list.</param>
    public static void CheckRows(IList<Button> buttons, string path)
    {
        // One bit per occupied column, one entry per row.
        var rows = new List<int>();
        int row = 0, column = 0;
        for (var i = 0; i < buttons.Count; i++)
        {
            var width = buttons[i].Columns ?? KeyboardRules.GridColumns;
            var height = buttons[i].Rows ?? 1;
            while (column + width > KeyboardRules.GridColumns || !IsFree(rows, row, column, width, height))
            {
                column++;
                if (column + width > KeyboardRules.GridColumns)
                {
                    row++;
                    column = 0;
                }
            }

            var bottom = row + height;
            if (bottom > MaxRows)
            {
                throw new ViberValidationException(
                    Check.Invariant($"{path}[{i}]"),
                    Check.Invariant($"ends on row {bottom}; laid out on a {KeyboardRules.GridColumns}-column grid, a keyboard can have at most {MaxRows} rows"));
            }

            Occupy(rows, row, column, width, height);
            column += width;
        }
    }

    private static bool IsFree(List<int> rows, int row, int column, int width, int height)
    {
        var mask = ((1 << width) - 1) << column;
        for (var r = row; r < row + height && r < rows.Count; r++)
        {
            if ((rows[r] & mask) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void Occupy(List<int> rows, int row, int column, int width, int height)
    {
        var mask = ((1 << width) - 1) << column;
        for (var r = row; r < row + height; r++)
        {
            while (rows.Count <= r)
            {
                rows.Add(0);
            }

            rows[r] |= mask;
        }
    }
}
