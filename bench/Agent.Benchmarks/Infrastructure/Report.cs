namespace Agent.Benchmarks.Infrastructure;

/// <summary>Console lines formatted with the invariant culture, whatever the machine's.</summary>
internal static class Report
{
    public static void Line(FormattableString text) => Console.WriteLine(FormattableString.Invariant(text));
}
