using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Sandbox.ControlPlane.Api;
using BenchmarkDotNet.Attributes;

namespace Agent.Benchmarks.Micro;

/// <summary>Encoding and decoding the frames the agent sends and receives most: pipeline.run in, result and run.status out.</summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    private Envelope _result = null!;
    private RunStatusPayload _status = null!;
    private byte[] _pipelineRunFrame = [];
    private byte[] _ackFrame = [];

    [GlobalSetup]
    public void Setup()
    {
        var runId = "5f0c2a8e-1d7b-4c1e-9a53-0b1f6f7e2c11";
        var data = System.Text.Json.JsonSerializer.SerializeToElement(
            new RunStartedData(runId, "om-run-5f0c2a8e1d7b4c1e9a530b1f6f7e2c11"), ProtocolJsonContext.Default.RunStartedData);
        _result = MessageCodec.Create(
            MessageTypes.Result, new ResultPayload(true, 200, "Argo", "1.0.0", RunId: runId, Data: data),
            ProtocolJsonContext.Default.ResultPayload, Now, seq: 42, replyTo: "0b7e5c1e-3f7d-4a9f-8d0e-2c4b6a8e0f11");
        _status = new RunStatusPayload(
            "mysql_prod.metadata_ingestion", runId, "om-run-5f0c2a8e1d7b4c1e9a530b1f6f7e2c11", PipelineStates.Running,
            1773480413589, 1773480400000);
        _pipelineRunFrame = MessageCodec.Encode(MessageCodec.Create(
            MessageTypes.PipelineRun, RequestPayloads.PipelineRun("mysql_prod.metadata_ingestion", runId: runId),
            ProtocolJsonContext.Default.JsonElement, Now));
        _ackFrame = MessageCodec.Encode(MessageCodec.Create(
            MessageTypes.Ack, new AckPayload(42), ProtocolJsonContext.Default.AckPayload, Now));
    }

    [Benchmark(Description = "encode result (envelope ready)")]
    public byte[] EncodeResult() => MessageCodec.Encode(_result);

    [Benchmark(Description = "create + encode run.status")]
    public byte[] CreateAndEncodeRunStatus() =>
        MessageCodec.Encode(MessageCodec.Create(MessageTypes.RunStatus, _status, ProtocolJsonContext.Default.RunStatusPayload, Now, seq: 43));

    [Benchmark(Description = "decode pipeline.run (~1 KB)")]
    public object? DecodePipelineRun() => MessageCodec.Decode(_pipelineRunFrame).Message;

    [Benchmark(Description = "decode + read pipeline.run payload")]
    public object? DecodeAndReadPipelineRun() =>
        MessageCodec.Decode(_pipelineRunFrame).Message is { } message
        && PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.PipelineRunRequest, out var request, out _)
            ? request
            : null;

    [Benchmark(Description = "decode ack")]
    public object? DecodeAck() => MessageCodec.Decode(_ackFrame).Message;
}
