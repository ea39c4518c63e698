using System.Runtime.InteropServices;

namespace Agent.Core.Operations;

internal sealed partial class RequestDispatcher
{
    /// <summary>Largest read-only answer (its <c>data</c>, UTF-8) kept for replay; a pipeline's status list fits, a log page does not.</summary>
    public const int ReplayableReadBytes = 64 * 1024;

    /// <summary>
    /// Answers to read-only requests above <see cref="ReplayableReadBytes"/> are not kept for replay: executing a repeat
    /// again answers it just as well, and a log page is about a megabyte. Everything else is kept.
    /// </summary>
    private Func<OperationResult, bool>? RetentionFor(string type) =>
        _handlers.TryGetValue(type, out var handler) && handler.IsReadOnly ? static result => DataBytes(result) <= ReplayableReadBytes : null;

    private static int DataBytes(OperationResult result) =>
        result.Data is { } data ? JsonMarshal.GetRawUtf8Value(data).Length : 0;
}
