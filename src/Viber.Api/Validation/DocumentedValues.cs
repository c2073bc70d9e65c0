using Viber.Api.Keyboards;

namespace Viber.Api.Validation;

/// <summary>
/// The values Viber documents for each string enumeration (Viber keyboard documentation, keyboard and button parameters), checked on output only:
/// input stays tolerant. A test keeps these lists equal to each type's own <c>IsKnown</c> list.
/// </summary>
internal static class DocumentedValues
{
    public static readonly ButtonActionType[] ActionTypes =
    [
        ButtonActionType.Reply, ButtonActionType.OpenUrl, ButtonActionType.LocationPicker,
        ButtonActionType.SharePhone, ButtonActionType.None, ButtonActionType.Buy,
    ];

    public static readonly TextSize[] TextSizes = [TextSize.Small, TextSize.Regular, TextSize.Large];

    public static readonly TextVerticalAlign[] TextVerticalAligns =
        [TextVerticalAlign.Top, TextVerticalAlign.Middle, TextVerticalAlign.Bottom];

    public static readonly TextHorizontalAlign[] TextHorizontalAligns =
        [TextHorizontalAlign.Left, TextHorizontalAlign.Center, TextHorizontalAlign.Right];

    public static readonly OpenUrlType[] OpenUrlTypes = [OpenUrlType.Internal, OpenUrlType.External];

    public static readonly OpenUrlMediaType[] OpenUrlMediaTypes =
    [
        OpenUrlMediaType.NotMedia, OpenUrlMediaType.Video, OpenUrlMediaType.Gif,
        OpenUrlMediaType.Picture, OpenUrlMediaType.Audio,
    ];

    public static readonly BackgroundMediaType[] BackgroundMediaTypes = [BackgroundMediaType.Picture, BackgroundMediaType.Gif];

    public static readonly MediaScaleType[] ScaleTypes = [MediaScaleType.Crop, MediaScaleType.Fill, MediaScaleType.Fit];

    public static readonly InputFieldState[] InputFieldStates =
        [InputFieldState.Regular, InputFieldState.Minimized, InputFieldState.Hidden];

    public static readonly InternalBrowserActionButton[] BrowserActionButtons =
    [
        InternalBrowserActionButton.Forward, InternalBrowserActionButton.Send, InternalBrowserActionButton.OpenExternally,
        InternalBrowserActionButton.SendToBot, InternalBrowserActionButton.None,
    ];

    public static readonly InternalBrowserTitleType[] BrowserTitleTypes = [InternalBrowserTitleType.Domain, InternalBrowserTitleType.Default];

    public static readonly InternalBrowserMode[] BrowserModes =
    [
        InternalBrowserMode.Fullscreen, InternalBrowserMode.FullscreenPortrait,
        InternalBrowserMode.FullscreenLandscape, InternalBrowserMode.PartialSize,
    ];

    public static readonly InternalBrowserFooterType[] BrowserFooterTypes = [InternalBrowserFooterType.Default, InternalBrowserFooterType.Hidden];
}
