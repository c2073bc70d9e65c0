namespace Viber.Api.Validation;

/// <summary>The highest client API version a message's features need, and the feature that needs it.</summary>
/// <param name="Version">The API version.</param>
/// <param name="Feature">The JSON path of the feature, such as <c>keyboard.InputFieldState</c>.</param>
internal readonly record struct MinApiRequirement(int Version, string Feature)
{
    /// <summary>What every message needs: Viber's default <c>min_api_version</c> of 1.</summary>
    public static MinApiRequirement Default { get; } = new(1, "(default)");

    /// <summary>Returns the higher of this requirement and another; ties keep the first one found.</summary>
    public MinApiRequirement Max(int version, string feature) => version > Version ? new(version, feature) : this;
}
