using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>A request body served from a <see cref="Pipe"/> that the test writes, so it controls when bytes arrive.</summary>
internal sealed class PipeRequestBody(PipeReader reader) : IRequestBodyPipeFeature
{
    public PipeReader Reader { get; } = reader;
}
