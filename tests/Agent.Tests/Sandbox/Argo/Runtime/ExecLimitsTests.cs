using Agent.Sandbox.Argo.Kubelet;

namespace Agent.Tests.Sandbox.Argo.Runtime;

/// <summary>FIDELITY §5.5: MAX_ARG_STRLEN counts the NUL, so NAME=value may be 131071 bytes; the total is 2 MiB.</summary>
public class ExecLimitsTests
{
    [Fact]
    public void Check_EnvStringOf131071Bytes_Fits()
    {
        var value = new string('x', 131071 - "config=".Length);

        Assert.Null(ExecLimits.Check(["python", "main.py"], [new("config", value)]));
    }

    [Fact]
    public void Check_EnvStringOf131072Bytes_Fails()
    {
        var value = new string('x', 131072 - "config=".Length);

        Assert.NotNull(ExecLimits.Check(["python", "main.py"], [new("config", value)]));
    }

    [Fact]
    public void Check_MultiByteValue_CountsUtf8Bytes()
    {
        // 43,690 three-byte characters: 131,070 bytes of value, over the limit with "config=" and the NUL.
        var value = new string('€', 43_690);

        Assert.NotNull(ExecLimits.Check([], [new("config", value)]));
    }

    [Fact]
    public void Check_ManyStringsOverTwoMebibytes_Fails()
    {
        var env = Enumerable.Range(0, 20).Select(i => new KeyValuePair<string, string>($"V{i}", new string('x', 110_000))).ToList();

        Assert.Null(ExecLimits.Check([], env.Take(19).ToList()));
        Assert.NotNull(ExecLimits.Check([], env));
    }
}
