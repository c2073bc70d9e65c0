using System.Text.Json.Serialization;
using Viber.Api.Callbacks;

namespace Viber.Api.Requests;

/// <summary>A user's details as get_user_details returns them: the profile plus device information.</summary>
public sealed class UserDetails : ViberUser
{
    /// <summary>Gets or sets the operating system and version of the primary device.</summary>
    [JsonPropertyName("primary_device_os")]
    public string? PrimaryDeviceOs { get; set; }

    /// <summary>Gets or sets the Viber version on the primary device.</summary>
    [JsonPropertyName("viber_version")]
    public string? ViberVersion { get; set; }

    /// <summary>Gets or sets the mobile country code.</summary>
    [JsonPropertyName("mcc")]
    public int? Mcc { get; set; }

    /// <summary>Gets or sets the mobile network code.</summary>
    [JsonPropertyName("mnc")]
    public int? Mnc { get; set; }

    /// <summary>Gets or sets the device type.</summary>
    [JsonPropertyName("device_type")]
    public string? DeviceType { get; set; }
}
