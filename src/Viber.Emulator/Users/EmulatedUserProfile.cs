namespace Viber.Emulator.Users;

/// <summary>Who a simulated user is: the profile Viber reports in callbacks and get_user_details.</summary>
public sealed class EmulatedUserProfile
{
    /// <summary>Gets or sets the user id. Empty (the default) generates a Viber-like 24-character id.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the user's Viber name. Default <c>Viber User</c>.</summary>
    public string Name { get; set; } = "Viber User";

    /// <summary>Gets or sets the avatar URL, if any.</summary>
    public string? Avatar { get; set; }

    /// <summary>Gets or sets the 2-letter country code (ISO ALPHA-2). Default <c>UA</c>.</summary>
    public string Country { get; set; } = "UA";

    /// <summary>Gets or sets the phone language (ISO 639-1). Default <c>en</c>.</summary>
    public string Language { get; set; } = "en";

    /// <summary>
    /// Gets or sets the highest API version all the user's devices support. Default 10, a current client; a message
    /// with a higher <c>min_api_version</c> is refused with status 13.
    /// </summary>
    public int ApiVersion { get; set; } = 10;

    /// <summary>Gets or sets how many devices the user has; each one reports a <c>delivered</c> callback. Default 1.</summary>
    public int Devices { get; set; } = 1;

    /// <summary>Gets or sets the primary device's operating system. Default <c>Android 14</c>.</summary>
    public string PrimaryDeviceOs { get; set; } = "Android 14";

    /// <summary>Gets or sets the Viber version on the primary device. Default <c>24.9.0</c>.</summary>
    public string ViberVersion { get; set; } = "24.9.0";

    /// <summary>Gets or sets the mobile country code. Default 255.</summary>
    public int Mcc { get; set; } = 255;

    /// <summary>Gets or sets the mobile network code. Default 1.</summary>
    public int Mnc { get; set; } = 1;

    /// <summary>Gets or sets the device type. Default <c>Pixel 8</c>.</summary>
    public string DeviceType { get; set; } = "Pixel 8";

    /// <summary>Gets or sets the phone number a <c>share-phone</c> button shares. Default <c>+380501234567</c>.</summary>
    public string PhoneNumber { get; set; } = "+380501234567";

    /// <summary>Gets or sets the latitude a <c>location-picker</c> button sends. Default 50.4501 (Kyiv).</summary>
    public double Latitude { get; set; } = 50.4501;

    /// <summary>Gets or sets the longitude a <c>location-picker</c> button sends. Default 30.5234 (Kyiv).</summary>
    public double Longitude { get; set; } = 30.5234;

    internal EmulatedUserProfile Copy() => (EmulatedUserProfile)MemberwiseClone();
}
