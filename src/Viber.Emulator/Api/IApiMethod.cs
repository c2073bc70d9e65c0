namespace Viber.Emulator.Api;

/// <summary>One Bot API method of the fake server.</summary>
internal interface IApiMethod
{
    /// <summary>Gets the method's path segment, such as <c>send_message</c>.</summary>
    string Name { get; }

    /// <summary>Gets a value indicating whether GET is accepted besides POST (Viber documents GET for get_account_info).</summary>
    bool AllowsGet { get; }

    /// <summary>Answers an authenticated call.</summary>
    Task<ApiResult> InvokeAsync(ApiRequest request, CancellationToken cancellationToken);
}
