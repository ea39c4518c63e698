using Agent.Sandbox.Argo.Validation;

namespace Agent.Tests.Sandbox.Argo;

/// <summary>robfig/cron v3.0.1 ParseStandard (parser.go), the parser Argo v4.1.2 validates schedules with (FIDELITY §3.5).</summary>
public class CronScheduleTests
{
    [Theory]
    [InlineData("0 2 * * *")]
    [InlineData("*/15 0-23/2 1,15 jan-JUN mon-fri")]
    [InlineData("0 0 ? * SUN")]
    [InlineData("5/10 * * * *")]
    [InlineData("0 0 1,,2 * *")]
    [InlineData("@daily")]
    [InlineData("@annually")]
    [InlineData("@every 1h30m")]
    [InlineData("@every -1.5s")]
    [InlineData("TZ=Europe/Paris 0 2 * * *")]
    [InlineData("CRON_TZ=UTC @hourly")]
    public void Check_ValidSpec_Accepts(string spec)
    {
        Assert.Null(CronSchedule.Check(spec));
    }

    [Theory]
    [InlineData("", "empty spec string")]
    [InlineData("0 2 * * * *", "expected exactly 5 fields, found 6: [0 2 * * * *]")]
    [InlineData(" @daily", "expected exactly 5 fields, found 1: [@daily]")]
    [InlineData("60 * * * *", "end of range (60) above maximum (59): 60")]
    [InlineData("0 0 0 * *", "beginning of range (0) below minimum (1): 0")]
    [InlineData("5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1")]
    [InlineData("*/0 * * * *", "step of range should be a positive number: */0")]
    [InlineData("1-2-3 * * * *", "too many hyphens: 1-2-3")]
    [InlineData("1/2/3 * * * *", "too many slashes: 1/2/3")]
    [InlineData("x * * * *", "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax")]
    [InlineData("0 0 * foo *", "failed to parse int from foo: strconv.Atoi: parsing \"foo\": invalid syntax")]
    [InlineData("@weekdays", "unrecognized descriptor: @weekdays")]
    [InlineData("@every 5", "failed to parse duration @every 5: time: missing unit in duration \"5\"")]
    [InlineData("@every 5x", "failed to parse duration @every 5x: time: unknown unit \"x\" in duration \"5x\"")]
    [InlineData("@every .s", "failed to parse duration @every .s: time: invalid duration \".s\"")]
    [InlineData("TZ=Mars/Olympus 0 2 * * *", "provided bad location Mars/Olympus: unknown time zone Mars/Olympus")]
    public void Check_InvalidSpec_AnswersRobfigsMessage(string spec, string expected)
    {
        Assert.Equal(expected, CronSchedule.Check(spec));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("UTC", null)]
    [InlineData("Local", null)]
    [InlineData("America/New_York", null)]
    [InlineData("utc", "unknown time zone utc")]
    [InlineData("Pacific Standard Time", "unknown time zone Pacific Standard Time")]
    [InlineData("../etc/passwd", "time: invalid location name")]
    public void GoTimeZoneCheck_Name_MatchesTimeLoadLocation(string name, string? expected)
    {
        Assert.Equal(expected, GoTimeZone.Check(name));
    }
}
