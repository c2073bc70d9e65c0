namespace Viber.Emulator.Hosting;

/// <summary>Where the emulator's chat page is, for the start-up banner.</summary>
/// <param name="ChatPageUrl">The chat page URL.</param>
internal sealed record ViberEmulatorBannerOptions(Uri ChatPageUrl);
