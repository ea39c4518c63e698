using System.Text;
using System.Text.Json;
using Agent.Core.Protocol;

namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// The last text frames of each agent id, both ways, bounded so a long-running sandbox never grows without end:
/// past the capacity the oldest frame is dropped. Waiters are signalled, never polled.
/// </summary>
internal sealed class FrameRecorder(int capacityPerAgent)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedList<RecordedFrame>> _frames = new(StringComparer.Ordinal);
    private readonly List<(string AgentId, Func<RecordedFrame, bool> Match, TaskCompletionSource<RecordedFrame> Signal)> _waiters = [];

    public void Record(string agentId, string sessionId, FrameDirection direction, ReadOnlyMemory<byte> utf8, DateTimeOffset at)
    {
        var frame = new RecordedFrame(sessionId, direction, ReadType(utf8), Encoding.UTF8.GetString(utf8.Span), at);
        List<TaskCompletionSource<RecordedFrame>> matched = [];
        lock (_gate)
        {
            if (!_frames.TryGetValue(agentId, out var list))
            {
                list = new LinkedList<RecordedFrame>();
                _frames[agentId] = list;
            }

            list.AddLast(frame);
            if (list.Count > capacityPerAgent)
            {
                list.RemoveFirst();
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].AgentId == agentId && _waiters[i].Match(frame))
                {
                    matched.Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        matched.ForEach(signal => signal.TrySetResult(frame));
    }

    public IReadOnlyList<RecordedFrame> Get(string agentId, FrameDirection? direction)
    {
        lock (_gate)
        {
            return _frames.TryGetValue(agentId, out var list)
                ? [.. list.Where(frame => direction is null || frame.Direction == direction)]
                : [];
        }
    }

    /// <summary>Completes with the first recorded frame of the agent, already held or still to come, that matches.</summary>
    public Task<RecordedFrame> WaitForAsync(string agentId, Func<RecordedFrame, bool> match, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_frames.TryGetValue(agentId, out var list) && list.FirstOrDefault(match) is { } existing)
            {
                return Task.FromResult(existing);
            }

            var signal = new TaskCompletionSource<RecordedFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
            var waiter = (agentId, match, signal);
            _waiters.Add(waiter);
            cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    _waiters.Remove(waiter);
                }

                signal.TrySetCanceled(cancellationToken);
            });
            return signal.Task;
        }
    }

    /// <summary>The <c>type</c> string of a JSON object frame; null for anything else, which is what garbage looks like.</summary>
    private static string? ReadType(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String
                && JsonText.TryGetString(type, out var text)
                ? text
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
