using System.Reflection;
using Viber.Api.Keyboards;
using Viber.Api.Validation;

namespace Viber.Api.Tests.Validation;

public sealed class DocumentedValuesTests
{
    public static TheoryData<string> Lists =>
    [
        nameof(DocumentedValues.ActionTypes), nameof(DocumentedValues.TextSizes), nameof(DocumentedValues.TextVerticalAligns),
        nameof(DocumentedValues.TextHorizontalAligns), nameof(DocumentedValues.OpenUrlTypes), nameof(DocumentedValues.OpenUrlMediaTypes),
        nameof(DocumentedValues.BackgroundMediaTypes), nameof(DocumentedValues.ScaleTypes), nameof(DocumentedValues.InputFieldStates),
        nameof(DocumentedValues.BrowserActionButtons), nameof(DocumentedValues.BrowserTitleTypes), nameof(DocumentedValues.BrowserModes),
        nameof(DocumentedValues.BrowserFooterTypes),
    ];

    [Theory]
    [MemberData(nameof(Lists))]
    public void Validator_allows_exactly_the_values_the_type_knows(string list)
    {
        // A guard: the validator's lists and each type's IsKnown list (the model's source of truth) must not drift.
        var field = typeof(DocumentedValues).GetField(list, BindingFlags.Public | BindingFlags.Static)!;
        var values = (Array)field.GetValue(null)!;
        var type = field.FieldType.GetElementType()!;
        var known = (string[])type.GetField("KnownValues", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        var validatorValues = values.Cast<object>().Select(v => v.ToString()).ToArray();

        Assert.Equal(known, validatorValues);
    }

    [Fact]
    public void Every_string_enum_type_has_a_list()
    {
        var enumTypes = typeof(Button).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Button).Namespace && t.IsValueType && t.GetField("KnownValues", BindingFlags.NonPublic | BindingFlags.Static) is not null)
            .ToHashSet();
        var listed = typeof(DocumentedValues).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.FieldType.GetElementType()!).ToHashSet();

        Assert.NotEmpty(enumTypes);
        Assert.Subset(listed, enumTypes);
    }
}
